CREATE TABLE "mandates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"mandate_id" text NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"scheme" text NOT NULL,
	"type" text DEFAULT 'recurrent' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"signed_on" date,
	"debtor_name" text,
	"iban" text,
	"bic" text,
	"original_iban" text,
	"signed_place" text,
	"signed_at" timestamp with time zone,
	"signed_ip" text,
	"signed_user_agent" text,
	"last_collection_on" date,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"public_token" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "mandates_one_debtor" CHECK (num_nonnulls("mandates"."organization_id", "mandates"."person_id") <= 1),
	CONSTRAINT "mandates_b2b_organization" CHECK ("mandates"."scheme" = 'CORE' OR "mandates"."person_id" IS NULL),
	CONSTRAINT "mandates_signed_complete" CHECK ("mandates"."status" = 'pending' OR "mandates"."revoked_at" IS NOT NULL OR ("mandates"."signed_on" IS NOT NULL AND "mandates"."debtor_name" IS NOT NULL AND "mandates"."iban" IS NOT NULL)),
	CONSTRAINT "mandates_mandate_id_format" CHECK ("mandates"."mandate_id" ~ '^[A-Za-z0-9/?:().,''+-]{1,35}$')
);
--> statement-breakpoint
ALTER TABLE "company_profiles" ADD COLUMN "sepa_creditor_id" text;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mandates_mandate_id_key" ON "mandates" USING btree ("tenant_id","mandate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mandates_public_token_key" ON "mandates" USING btree ("public_token");--> statement-breakpoint
CREATE INDEX "mandates_created_idx" ON "mandates" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "mandates_organization_idx" ON "mandates" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "mandates_person_idx" ON "mandates" USING btree ("tenant_id","person_id");--> statement-breakpoint
-- The debtor may be deleted from the CRM later: the mandate (its id is never given out again) stays, the link goes.
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE SET NULL ("organization_id");
--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE SET NULL ("person_id");
--> statement-breakpoint
SELECT enable_tenant_isolation('mandates');
--> statement-breakpoint
-- The customer's signing link carries only the token, so the tenant is not known before the
-- lookup; as for quotes (migration 0015) this function, run with the rights of the role that ran
-- the migrations, answers only which tenant holds the mandate request with this token. The
-- mandate is then read in that tenant's transaction, row-level security on. The migration role
-- gets a read-only policy of its own; app_user may only call the function.
CREATE POLICY mandate_public_token_lookup ON "mandates" FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION mandate_tenant_by_public_token(lookup_token text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT tenant_id FROM mandates WHERE public_token = lookup_token
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION mandate_tenant_by_public_token(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION mandate_tenant_by_public_token(text) TO app_user;
