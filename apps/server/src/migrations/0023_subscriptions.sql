CREATE TABLE "subscription_adjustments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date NOT NULL,
	"line_key" uuid NOT NULL,
	"description" text NOT NULL,
	"amount" bigint NOT NULL,
	"vat_rate" text,
	"vat_category" text NOT NULL,
	"invoice_id" uuid,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_adjustments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "subscription_adjustments_not_zero" CHECK ("subscription_adjustments"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "subscription_billing_days" (
	"tenant_id" uuid NOT NULL,
	"run_on" date NOT NULL,
	"job_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_billing_days_tenant_id_run_on_pk" PRIMARY KEY("tenant_id","run_on")
);
--> statement-breakpoint
CREATE TABLE "subscription_lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"line_key" uuid NOT NULL,
	"position" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"kind" text DEFAULT 'item' NOT NULL,
	"product_id" uuid,
	"product_code" text,
	"description" text NOT NULL,
	"quantity" text DEFAULT '1' NOT NULL,
	"unit_code" text DEFAULT 'C62' NOT NULL,
	"unit_price" text DEFAULT '0.0000' NOT NULL,
	"vat_rate" text,
	"vat_category" text DEFAULT 'S' NOT NULL,
	"discount_percent" text,
	"discount_amount" text,
	CONSTRAINT "subscription_lines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "subscription_periods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"invoice_date" date NOT NULL,
	"amount_excl_vat" bigint NOT NULL,
	"billed_lines" jsonb NOT NULL,
	"invoice_id" uuid,
	"billed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_periods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "subscription_price_changes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"line_key" uuid NOT NULL,
	"description" text NOT NULL,
	"unit_price" text NOT NULL,
	"previous_unit_price" text NOT NULL,
	"requested_from" date NOT NULL,
	"applies_from" date NOT NULL,
	"reason" text,
	"announced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_price_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "subscription_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"price_notice_months" integer DEFAULT 1 NOT NULL,
	"billing_mode" text DEFAULT 'automatic' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"customer_name" text NOT NULL,
	"name" text NOT NULL,
	"interval_months" integer NOT NULL,
	"billing" text NOT NULL,
	"alignment" text NOT NULL,
	"invoice_date_rule" text NOT NULL,
	"invoice_days_before" integer DEFAULT 0 NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"notice_period_months" integer DEFAULT 0 NOT NULL,
	"payment_method" text NOT NULL,
	"mandate_id" uuid,
	"payment_term_days" integer,
	"group_invoices" boolean DEFAULT true NOT NULL,
	"buyer_reference" text,
	"invoice_note" text,
	"next_period_start" date NOT NULL,
	"next_invoice_on" date,
	"platform_tenant_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "subscriptions_interval" CHECK ("subscriptions"."interval_months" BETWEEN 1 AND 36),
	CONSTRAINT "subscriptions_dates" CHECK ("subscriptions"."end_date" IS NULL OR "subscriptions"."end_date" >= "subscriptions"."start_date")
);
--> statement-breakpoint
ALTER TABLE "subscription_adjustments" ADD CONSTRAINT "subscription_adjustments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_billing_days" ADD CONSTRAINT "subscription_billing_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_lines" ADD CONSTRAINT "subscription_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_periods" ADD CONSTRAINT "subscription_periods_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_price_changes" ADD CONSTRAINT "subscription_price_changes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_settings" ADD CONSTRAINT "subscription_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscription_adjustments_pending_idx" ON "subscription_adjustments" USING btree ("tenant_id","subscription_id") WHERE "subscription_adjustments"."settled_at" IS NULL;--> statement-breakpoint
CREATE INDEX "subscription_lines_subscription_idx" ON "subscription_lines" USING btree ("tenant_id","subscription_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_periods_start_key" ON "subscription_periods" USING btree ("tenant_id","subscription_id","period_start");--> statement-breakpoint
CREATE INDEX "subscription_periods_invoice_idx" ON "subscription_periods" USING btree ("tenant_id","invoice_id");--> statement-breakpoint
CREATE INDEX "subscription_price_changes_subscription_idx" ON "subscription_price_changes" USING btree ("tenant_id","subscription_id");--> statement-breakpoint
CREATE INDEX "subscriptions_next_invoice_idx" ON "subscriptions" USING btree ("tenant_id","next_invoice_on");--> statement-breakpoint
CREATE INDEX "subscriptions_organization_idx" ON "subscriptions" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "subscriptions_person_idx" ON "subscriptions" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "subscriptions_created_idx" ON "subscriptions" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_platform_tenant_key" ON "subscriptions" USING btree ("tenant_id","platform_tenant_id") WHERE "subscriptions"."platform_tenant_id" IS NOT NULL;--> statement-breakpoint
SELECT enable_tenant_isolation('subscriptions');--> statement-breakpoint
SELECT enable_tenant_isolation('subscription_lines');--> statement-breakpoint
SELECT enable_tenant_isolation('subscription_price_changes');--> statement-breakpoint
SELECT enable_tenant_isolation('subscription_periods');--> statement-breakpoint
SELECT enable_tenant_isolation('subscription_adjustments');--> statement-breakpoint
SELECT enable_tenant_isolation('subscription_settings');--> statement-breakpoint
SELECT enable_tenant_isolation('subscription_billing_days');--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE SET NULL ("organization_id");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE SET NULL ("person_id");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_mandate_fk" FOREIGN KEY ("tenant_id","mandate_id") REFERENCES "public"."mandates"("tenant_id","id") ON DELETE SET NULL ("mandate_id");--> statement-breakpoint
ALTER TABLE "subscription_lines" ADD CONSTRAINT "subscription_lines_subscription_fk" FOREIGN KEY ("tenant_id","subscription_id") REFERENCES "public"."subscriptions"("tenant_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "subscription_price_changes" ADD CONSTRAINT "subscription_price_changes_subscription_fk" FOREIGN KEY ("tenant_id","subscription_id") REFERENCES "public"."subscriptions"("tenant_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "subscription_periods" ADD CONSTRAINT "subscription_periods_subscription_fk" FOREIGN KEY ("tenant_id","subscription_id") REFERENCES "public"."subscriptions"("tenant_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "subscription_periods" ADD CONSTRAINT "subscription_periods_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE SET NULL ("invoice_id");--> statement-breakpoint
ALTER TABLE "subscription_adjustments" ADD CONSTRAINT "subscription_adjustments_subscription_fk" FOREIGN KEY ("tenant_id","subscription_id") REFERENCES "public"."subscriptions"("tenant_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "subscription_adjustments" ADD CONSTRAINT "subscription_adjustments_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE SET NULL ("invoice_id");
