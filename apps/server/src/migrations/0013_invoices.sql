CREATE TABLE "document_number_counters" (
	"tenant_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "document_number_counters_tenant_id_document_type_year_pk" PRIMARY KEY("tenant_id","document_type","year")
);
--> statement-breakpoint
CREATE TABLE "document_number_series" (
	"tenant_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"format" text NOT NULL,
	CONSTRAINT "document_number_series_tenant_id_document_type_pk" PRIMARY KEY("tenant_id","document_type")
);
--> statement-breakpoint
CREATE TABLE "invoice_files" (
	"tenant_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_files_tenant_id_invoice_id_kind_pk" PRIMARY KEY("tenant_id","invoice_id","kind")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"tenant_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
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
	CONSTRAINT "invoice_lines_tenant_id_invoice_id_position_pk" PRIMARY KEY("tenant_id","invoice_id","position")
);
--> statement-breakpoint
CREATE TABLE "invoice_payments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"method" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_payments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"organization_id" uuid,
	"person_id" uuid,
	"issue_date" date,
	"supply_date" date,
	"period_start" date,
	"period_end" date,
	"payment_term_days" integer,
	"due_date" date,
	"language" text,
	"discount_percent" text,
	"buyer_reference" text,
	"note" text,
	"credited_invoice_id" uuid,
	"payment_means" text DEFAULT 'credit_transfer' NOT NULL,
	"mandate_reference" text,
	"payment_reference" text,
	"snapshot" jsonb,
	"total_excl_vat" bigint DEFAULT 0 NOT NULL,
	"total_vat" bigint DEFAULT 0 NOT NULL,
	"total_incl_vat" bigint DEFAULT 0 NOT NULL,
	"finalized_at" timestamp with time zone,
	"finalized_by" uuid,
	"retention_until" date,
	"sent_at" timestamp with time zone,
	"internal_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "invoices_one_customer" CHECK (num_nonnulls("invoices"."organization_id", "invoices"."person_id") <= 1),
	CONSTRAINT "invoices_issued_complete" CHECK ("invoices"."status" = 'draft' OR ("invoices"."number" IS NOT NULL AND "invoices"."snapshot" IS NOT NULL AND "invoices"."issue_date" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "document_number_counters" ADD CONSTRAINT "document_number_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_number_series" ADD CONSTRAINT "document_number_series_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_files" ADD CONSTRAINT "invoice_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_files" ADD CONSTRAINT "invoice_files_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_finalized_by_users_id_fk" FOREIGN KEY ("finalized_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credited_invoice_fk" FOREIGN KEY ("tenant_id","credited_invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_payments_invoice_idx" ON "invoice_payments" USING btree ("tenant_id","invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices" USING btree ("tenant_id","type","number");--> statement-breakpoint
CREATE INDEX "invoices_issue_date_idx" ON "invoices" USING btree ("tenant_id","issue_date","id");--> statement-breakpoint
CREATE INDEX "invoices_organization_idx" ON "invoices" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "invoices_person_idx" ON "invoices" USING btree ("tenant_id","person_id");--> statement-breakpoint
-- The customer may be deleted from the CRM later: the issued invoice keeps its snapshot, the link goes.
-- PostgreSQL 15's column list keeps tenant_id (part of the key) from being set to null.
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE SET NULL ("organization_id");
--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE SET NULL ("person_id");
--> statement-breakpoint
-- Domain rules §1.3: an issued invoice or credit note never changes and is never deleted; only
-- delivery and payment facts (sent_at, internal_note, version, updated_at) and the CRM link may.
-- This holds for every path into the database, not only the application's.
CREATE OR REPLACE FUNCTION invoices_keep_issued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'issued' THEN
      RAISE EXCEPTION 'invoice % is issued and cannot be deleted', OLD.number USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'issued' AND (
    (NEW.type, NEW.status, NEW.number, NEW.issue_date, NEW.supply_date, NEW.period_start, NEW.period_end,
     NEW.payment_term_days, NEW.due_date, NEW.language, NEW.discount_percent, NEW.buyer_reference, NEW.note,
     NEW.credited_invoice_id, NEW.payment_means, NEW.mandate_reference, NEW.payment_reference, NEW.snapshot,
     NEW.total_excl_vat, NEW.total_vat, NEW.total_incl_vat, NEW.finalized_at, NEW.finalized_by, NEW.retention_until)
    IS DISTINCT FROM
    (OLD.type, OLD.status, OLD.number, OLD.issue_date, OLD.supply_date, OLD.period_start, OLD.period_end,
     OLD.payment_term_days, OLD.due_date, OLD.language, OLD.discount_percent, OLD.buyer_reference, OLD.note,
     OLD.credited_invoice_id, OLD.payment_means, OLD.mandate_reference, OLD.payment_reference, OLD.snapshot,
     OLD.total_excl_vat, OLD.total_vat, OLD.total_incl_vat, OLD.finalized_at, OLD.finalized_by, OLD.retention_until)
  ) THEN
    RAISE EXCEPTION 'invoice % is issued and cannot be changed', OLD.number USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_keep_issued BEFORE UPDATE OR DELETE ON "invoices" FOR EACH ROW EXECUTE FUNCTION invoices_keep_issued();
--> statement-breakpoint
-- The lines and stored files of an issued invoice are frozen with it.
CREATE OR REPLACE FUNCTION invoice_children_keep_issued() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_invoice uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.invoice_id ELSE OLD.invoice_id END;
  row_tenant uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.tenant_id ELSE OLD.tenant_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM invoices WHERE tenant_id = row_tenant AND id = row_invoice AND status = 'issued'
             AND (TG_TABLE_NAME = 'invoice_lines' OR TG_OP <> 'INSERT')) THEN
    RAISE EXCEPTION '% of an issued invoice cannot change', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_keep_issued BEFORE INSERT OR UPDATE OR DELETE ON "invoice_lines" FOR EACH ROW EXECUTE FUNCTION invoice_children_keep_issued();
--> statement-breakpoint
CREATE TRIGGER invoice_files_keep_issued BEFORE UPDATE OR DELETE ON "invoice_files" FOR EACH ROW EXECUTE FUNCTION invoice_children_keep_issued();
--> statement-breakpoint
SELECT enable_tenant_isolation('invoices');
--> statement-breakpoint
SELECT enable_tenant_isolation('invoice_lines');
--> statement-breakpoint
SELECT enable_tenant_isolation('invoice_files');
--> statement-breakpoint
SELECT enable_tenant_isolation('invoice_payments');
--> statement-breakpoint
SELECT enable_tenant_isolation('document_number_series');
--> statement-breakpoint
SELECT enable_tenant_isolation('document_number_counters');
