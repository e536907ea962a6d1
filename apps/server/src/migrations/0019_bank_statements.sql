CREATE TABLE "bank_statement_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"dedupe_key" text NOT NULL,
	"account_iban" text NOT NULL,
	"booking_date" date,
	"value_date" date,
	"amount" bigint NOT NULL,
	"credit_debit" text NOT NULL,
	"is_reversal" boolean DEFAULT false NOT NULL,
	"bank_reference" text,
	"batch_payment_information_id" text,
	"end_to_end_id" text,
	"mandate_id" text,
	"counterparty_name" text,
	"counterparty_iban" text,
	"remittance_text" text,
	"structured_reference" text,
	"return_reason_code" text,
	"status" text NOT NULL,
	"match_rule" text,
	"invoice_id" uuid,
	"payment_id" uuid,
	"booked_amount" bigint DEFAULT 0 NOT NULL,
	"unallocated_amount" bigint DEFAULT 0 NOT NULL,
	"suggested_invoice_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_statement_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "bank_statement_entries_amount_positive" CHECK ("bank_statement_entries"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "bank_statements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"format" text NOT NULL,
	"statement_id" text NOT NULL,
	"account_iban" text NOT NULL,
	"currency" text NOT NULL,
	"opening_balance" bigint NOT NULL,
	"opening_date" date NOT NULL,
	"closing_balance" bigint NOT NULL,
	"closing_date" date NOT NULL,
	"file_name" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_statements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "bank_statement_entries" ADD CONSTRAINT "bank_statement_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement_entries" ADD CONSTRAINT "bank_statement_entries_statement_fk" FOREIGN KEY ("tenant_id","statement_id") REFERENCES "public"."bank_statements"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statement_entries_dedupe_key" ON "bank_statement_entries" USING btree ("tenant_id","account_iban","dedupe_key");--> statement-breakpoint
CREATE INDEX "bank_statement_entries_statement_idx" ON "bank_statement_entries" USING btree ("tenant_id","statement_id","position");--> statement-breakpoint
CREATE INDEX "bank_statement_entries_invoice_idx" ON "bank_statement_entries" USING btree ("tenant_id","invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statements_statement_key" ON "bank_statements" USING btree ("tenant_id","account_iban","statement_id");--> statement-breakpoint
CREATE INDEX "bank_statements_created_idx" ON "bank_statements" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
-- Issued invoices are never deleted; a draft never gets an entry. Set null all the same, so an
-- entry never blocks the removal of what it pointed at, and keeps its amounts.
ALTER TABLE "bank_statement_entries" ADD CONSTRAINT "bank_statement_entries_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE SET NULL ("invoice_id");
--> statement-breakpoint
SELECT enable_tenant_isolation('bank_statements');
--> statement-breakpoint
SELECT enable_tenant_isolation('bank_statement_entries');
