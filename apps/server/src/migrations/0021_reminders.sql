CREATE TABLE "collection_pauses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"reason" text NOT NULL,
	"paused_on" date NOT NULL,
	"until" date,
	"ended_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_pauses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "collection_pauses_one_customer" CHECK (num_nonnulls("collection_pauses"."organization_id", "collection_pauses"."person_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "reminder_daily_runs" (
	"tenant_id" uuid NOT NULL,
	"run_on" date NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_daily_runs_tenant_id_run_on_pk" PRIMARY KEY("tenant_id","run_on")
);
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"charges" text NOT NULL,
	"clause_interest_percent" text NOT NULL,
	"clause_costs_percent" text NOT NULL,
	"clause_costs_minimum" bigint NOT NULL,
	"invoice_charges" boolean NOT NULL,
	"levels" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid,
	"invoice_number" text NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"customer_name" text NOT NULL,
	"level" integer NOT NULL,
	"kind" text NOT NULL,
	"reckoned_on" date NOT NULL,
	"invoice_issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"payment_reference" text,
	"language" text NOT NULL,
	"principal_due" bigint NOT NULL,
	"interest" bigint NOT NULL,
	"costs" bigint NOT NULL,
	"interest_rule" text,
	"fourteen_day_letter_expires_on" date,
	"fourteen_day_letter_costs" bigint,
	"cost_invoice_id" uuid,
	"recipient" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"trigger" text NOT NULL,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"error" text,
	"pdf_content" "bytea" NOT NULL,
	"pdf_sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reminders_amounts_not_negative" CHECK ("reminders"."interest" >= 0 AND "reminders"."costs" >= 0)
);
--> statement-breakpoint
ALTER TABLE "collection_pauses" ADD CONSTRAINT "collection_pauses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_pauses" ADD CONSTRAINT "collection_pauses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_daily_runs" ADD CONSTRAINT "reminder_daily_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collection_pauses_organization_idx" ON "collection_pauses" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "collection_pauses_person_idx" ON "collection_pauses" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_invoice_level_key" ON "reminders" USING btree ("tenant_id","invoice_id","level");--> statement-breakpoint
CREATE INDEX "reminders_created_idx" ON "reminders" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "reminders_organization_idx" ON "reminders" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "reminders_person_idx" ON "reminders" USING btree ("tenant_id","person_id");--> statement-breakpoint

-- Issued invoices are never deleted; set null all the same, so a letter never blocks a removal and keeps what it stated.
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE SET NULL ("invoice_id");
--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_cost_invoice_fk" FOREIGN KEY ("tenant_id","cost_invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE SET NULL ("cost_invoice_id");
--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE SET NULL ("organization_id");
--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE SET NULL ("person_id");
--> statement-breakpoint
-- A pause belongs to its customer: it goes with the CRM record.
ALTER TABLE "collection_pauses" ADD CONSTRAINT "collection_pauses_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "collection_pauses" ADD CONSTRAINT "collection_pauses_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE CASCADE;
--> statement-breakpoint
SELECT enable_tenant_isolation('reminder_settings');
--> statement-breakpoint
SELECT enable_tenant_isolation('reminders');
--> statement-breakpoint
SELECT enable_tenant_isolation('collection_pauses');
--> statement-breakpoint
SELECT enable_tenant_isolation('reminder_daily_runs');
