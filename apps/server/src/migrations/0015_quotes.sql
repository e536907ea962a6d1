CREATE TABLE "quote_files" (
	"tenant_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quote_files_tenant_id_quote_id_kind_pk" PRIMARY KEY("tenant_id","quote_id","kind")
);
--> statement-breakpoint
CREATE TABLE "quote_lines" (
	"tenant_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
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
	"is_optional" boolean DEFAULT false NOT NULL,
	CONSTRAINT "quote_lines_tenant_id_quote_id_position_pk" PRIMARY KEY("tenant_id","quote_id","position")
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_revision_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"superseded_at" timestamp with time zone,
	"organization_id" uuid,
	"person_id" uuid,
	"issue_date" date,
	"valid_until" date,
	"language" text,
	"discount_percent" text,
	"buyer_reference" text,
	"note" text,
	"public_token" text NOT NULL,
	"snapshot" jsonb,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"sent_to" text,
	"emailed_at" timestamp with time zone,
	"viewed_at" timestamp with time zone,
	"accepted_name" text,
	"accepted_at" timestamp with time zone,
	"accepted_ip" text,
	"accepted_user_agent" text,
	"selected_optional_lines" jsonb,
	"declined_reason" text,
	"declined_at" timestamp with time zone,
	"invoice_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "quotes_one_customer" CHECK (num_nonnulls("quotes"."organization_id", "quotes"."person_id") <= 1),
	CONSTRAINT "quotes_sent_complete" CHECK ("quotes"."status" = 'draft' OR ("quotes"."number" IS NOT NULL AND "quotes"."snapshot" IS NOT NULL AND "quotes"."issue_date" IS NOT NULL AND "quotes"."valid_until" IS NOT NULL AND "quotes"."sent_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "quote_files" ADD CONSTRAINT "quote_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_files" ADD CONSTRAINT "quote_files_quote_fk" FOREIGN KEY ("tenant_id","quote_id") REFERENCES "public"."quotes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_quote_fk" FOREIGN KEY ("tenant_id","quote_id") REFERENCES "public"."quotes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_previous_revision_fk" FOREIGN KEY ("tenant_id","previous_revision_id") REFERENCES "public"."quotes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_public_token_key" ON "quotes" USING btree ("public_token");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number_revision_key" ON "quotes" USING btree ("tenant_id","number","revision");--> statement-breakpoint
CREATE INDEX "quotes_created_idx" ON "quotes" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "quotes_organization_idx" ON "quotes" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "quotes_person_idx" ON "quotes" USING btree ("tenant_id","person_id");--> statement-breakpoint
-- The customer may be deleted from the CRM later: the sent quote keeps its snapshot, the link goes.
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE SET NULL ("organization_id");
--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE SET NULL ("person_id");
--> statement-breakpoint
-- Deleting the invoice draft made from a quote frees the quote to be converted again.
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE SET NULL ("invoice_id");
--> statement-breakpoint
-- What was sent never changes (the customer accepts exactly that): only the facts that follow it
-- (status, viewed, accepted, declined, superseded, e-mailed, converted) and the CRM link may.
CREATE OR REPLACE FUNCTION quotes_keep_sent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'quote % is sent and cannot be deleted', OLD.number USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
    NEW.status = 'draft' OR
    (NEW.number, NEW.revision, NEW.previous_revision_id, NEW.issue_date, NEW.valid_until, NEW.language,
     NEW.discount_percent, NEW.buyer_reference, NEW.note, NEW.public_token, NEW.snapshot, NEW.sent_at)
    IS DISTINCT FROM
    (OLD.number, OLD.revision, OLD.previous_revision_id, OLD.issue_date, OLD.valid_until, OLD.language,
     OLD.discount_percent, OLD.buyer_reference, OLD.note, OLD.public_token, OLD.snapshot, OLD.sent_at)
  ) THEN
    RAISE EXCEPTION 'quote % is sent and cannot be changed', OLD.number USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER quotes_keep_sent BEFORE UPDATE OR DELETE ON "quotes" FOR EACH ROW EXECUTE FUNCTION quotes_keep_sent();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION quote_children_keep_sent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_quote uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.quote_id ELSE OLD.quote_id END;
  row_tenant uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.tenant_id ELSE OLD.tenant_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM quotes WHERE tenant_id = row_tenant AND id = row_quote AND status <> 'draft'
             AND (TG_TABLE_NAME = 'quote_lines' OR TG_OP <> 'INSERT')) THEN
    RAISE EXCEPTION '% of a sent quote cannot change', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
--> statement-breakpoint
CREATE TRIGGER quote_lines_keep_sent BEFORE INSERT OR UPDATE OR DELETE ON "quote_lines" FOR EACH ROW EXECUTE FUNCTION quote_children_keep_sent();
--> statement-breakpoint
CREATE TRIGGER quote_files_keep_sent BEFORE UPDATE OR DELETE ON "quote_files" FOR EACH ROW EXECUTE FUNCTION quote_children_keep_sent();
--> statement-breakpoint
SELECT enable_tenant_isolation('quotes');
--> statement-breakpoint
SELECT enable_tenant_isolation('quote_lines');
--> statement-breakpoint
SELECT enable_tenant_isolation('quote_files');
--> statement-breakpoint
-- The customer's link carries only the token, so the tenant is not known before the lookup.
-- This function, run with the rights of the role that ran the migrations, answers one question:
-- which tenant sent the quote with this token (drafts have no public page)? It returns a tenant id
-- and nothing else; the quote itself is then read in that tenant's transaction, row-level security
-- on. FORCE ROW LEVEL SECURITY binds that role too unless it is a superuser, so it gets a
-- read-only policy of its own on this table (as the outbox dispatcher has on outbox_events);
-- app_user is not named in it and may only call the function.
CREATE POLICY quote_public_token_lookup ON "quotes" FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION quote_tenant_by_public_token(lookup_token text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT tenant_id FROM quotes WHERE public_token = lookup_token AND status <> 'draft'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION quote_tenant_by_public_token(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION quote_tenant_by_public_token(text) TO app_user;
