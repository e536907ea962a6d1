-- Trigram search (typo-tolerant) per tenant: pg_trgm, and btree_gin for tenant_id in the same GIN index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE TABLE "crm_deal_stages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"probability" integer DEFAULT 0 NOT NULL,
	"outcome" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_deal_stages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_deals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"stage_id" uuid NOT NULL,
	"value_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"expected_close_on" date,
	"probability" integer,
	"lost_reason" text,
	"closed_at" timestamp with time zone,
	"position" integer DEFAULT 0 NOT NULL,
	"owner_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_deals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_organizations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"trading_name" text,
	"kvk_number" text,
	"vat_number" text,
	"iban" text,
	"bic" text,
	"is_lead" boolean DEFAULT false NOT NULL,
	"is_customer" boolean DEFAULT false NOT NULL,
	"is_supplier" boolean DEFAULT false NOT NULL,
	"debtor_number" text,
	"creditor_number" text,
	"payment_term_days" integer,
	"document_locale" text DEFAULT 'nl' NOT NULL,
	"invoice_email" text,
	"website" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_user_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_organizations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_person_organization_links" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text,
	"email" text,
	"phone" text,
	"phone_e164" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_person_organization_links_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_persons" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text NOT NULL,
	"document_locale" text DEFAULT 'nl' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_user_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"erased_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_persons_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_addresses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"type" text NOT NULL,
	"street" text,
	"postal_code" text,
	"city" text,
	"country" text DEFAULT 'NL' NOT NULL,
	CONSTRAINT "crm_addresses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "crm_addresses_owner_check" CHECK ((organization_id IS NULL) <> (person_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "crm_emails" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"address" text NOT NULL,
	"label" text,
	CONSTRAINT "crm_emails_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "crm_emails_owner_check" CHECK ((organization_id IS NULL) <> (person_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "crm_number_series" (
	"tenant_id" uuid NOT NULL,
	"series" text NOT NULL,
	"next" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "crm_number_series_tenant_id_series_pk" PRIMARY KEY("tenant_id","series")
);
--> statement-breakpoint
CREATE TABLE "crm_phones" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"number" text NOT NULL,
	"e164" text NOT NULL,
	"label" text,
	CONSTRAINT "crm_phones_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "crm_phones_owner_check" CHECK ((organization_id IS NULL) <> (person_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "crm_saved_views" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"list" text NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_saved_views_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_tasks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'task' NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"due_on" date,
	"assignee_user_id" uuid,
	"organization_id" uuid,
	"person_id" uuid,
	"done_at" timestamp with time zone,
	"created_by" uuid,
	"created_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_timeline_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"author_user_id" uuid,
	"author_name" text,
	"source_type" text,
	"source_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_timeline_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "crm_timeline_owner_check" CHECK ((organization_id IS NULL) <> (person_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "products" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"unit_code" text DEFAULT 'C62' NOT NULL,
	"unit_price" bigint NOT NULL,
	"purchase_price" bigint,
	"vat_category" text DEFAULT 'S' NOT NULL,
	"vat_rate_class" text,
	"revenue_account" text,
	"category" text,
	"recurring_period" text,
	"archived_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "product_vat_rates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rate_class" text NOT NULL,
	"percent" text NOT NULL,
	"valid_from" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_vat_rates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "crm_deal_stages" ADD CONSTRAINT "crm_deal_stages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_deals" ADD CONSTRAINT "crm_deals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_deals" ADD CONSTRAINT "crm_deals_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_deals" ADD CONSTRAINT "crm_deals_stage_fk" FOREIGN KEY ("tenant_id","stage_id") REFERENCES "public"."crm_deal_stages"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_deals" ADD CONSTRAINT "crm_deals_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_deals" ADD CONSTRAINT "crm_deals_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_organizations" ADD CONSTRAINT "crm_organizations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_organizations" ADD CONSTRAINT "crm_organizations_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_person_organization_links" ADD CONSTRAINT "crm_person_organization_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_person_organization_links" ADD CONSTRAINT "crm_links_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_person_organization_links" ADD CONSTRAINT "crm_links_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_persons" ADD CONSTRAINT "crm_persons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_persons" ADD CONSTRAINT "crm_persons_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_addresses" ADD CONSTRAINT "crm_addresses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_addresses" ADD CONSTRAINT "crm_addresses_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_addresses" ADD CONSTRAINT "crm_addresses_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_emails" ADD CONSTRAINT "crm_emails_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_emails" ADD CONSTRAINT "crm_emails_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_emails" ADD CONSTRAINT "crm_emails_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_number_series" ADD CONSTRAINT "crm_number_series_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_phones" ADD CONSTRAINT "crm_phones_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_phones" ADD CONSTRAINT "crm_phones_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_phones" ADD CONSTRAINT "crm_phones_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_saved_views" ADD CONSTRAINT "crm_saved_views_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_saved_views" ADD CONSTRAINT "crm_saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_tasks" ADD CONSTRAINT "crm_tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_tasks" ADD CONSTRAINT "crm_tasks_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_tasks" ADD CONSTRAINT "crm_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_tasks" ADD CONSTRAINT "crm_tasks_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_tasks" ADD CONSTRAINT "crm_tasks_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_timeline_items" ADD CONSTRAINT "crm_timeline_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_timeline_items" ADD CONSTRAINT "crm_timeline_items_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_timeline_items" ADD CONSTRAINT "crm_timeline_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_timeline_items" ADD CONSTRAINT "crm_timeline_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_vat_rates" ADD CONSTRAINT "product_vat_rates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_deals_stage_idx" ON "crm_deals" USING btree ("tenant_id","stage_id","position");--> statement-breakpoint
CREATE INDEX "crm_deals_closed_idx" ON "crm_deals" USING btree ("tenant_id","closed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_organizations_debtor_key" ON "crm_organizations" USING btree ("tenant_id","debtor_number");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_organizations_creditor_key" ON "crm_organizations" USING btree ("tenant_id","creditor_number");--> statement-breakpoint
CREATE INDEX "crm_organizations_name_idx" ON "crm_organizations" USING btree ("tenant_id","name","id");--> statement-breakpoint
CREATE INDEX "crm_organizations_kvk_idx" ON "crm_organizations" USING btree ("tenant_id","kvk_number");--> statement-breakpoint
CREATE INDEX "crm_organizations_vat_idx" ON "crm_organizations" USING btree ("tenant_id","vat_number");--> statement-breakpoint
CREATE INDEX "crm_organizations_search_idx" ON "crm_organizations" USING gin ("tenant_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "crm_links_person_organization_key" ON "crm_person_organization_links" USING btree ("tenant_id","person_id","organization_id");--> statement-breakpoint
CREATE INDEX "crm_links_organization_idx" ON "crm_person_organization_links" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "crm_links_phone_idx" ON "crm_person_organization_links" USING btree ("tenant_id","phone_e164");--> statement-breakpoint
CREATE INDEX "crm_persons_name_idx" ON "crm_persons" USING btree ("tenant_id","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "crm_persons_search_idx" ON "crm_persons" USING gin ("tenant_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "crm_addresses_organization_idx" ON "crm_addresses" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "crm_addresses_person_idx" ON "crm_addresses" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "crm_emails_organization_idx" ON "crm_emails" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "crm_emails_person_idx" ON "crm_emails" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "crm_emails_address_idx" ON "crm_emails" USING btree ("tenant_id","address");--> statement-breakpoint
CREATE INDEX "crm_phones_organization_idx" ON "crm_phones" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "crm_phones_person_idx" ON "crm_phones" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "crm_phones_e164_idx" ON "crm_phones" USING btree ("tenant_id","e164");--> statement-breakpoint
CREATE INDEX "crm_saved_views_user_idx" ON "crm_saved_views" USING btree ("tenant_id","user_id","list");--> statement-breakpoint
CREATE INDEX "crm_tasks_assignee_idx" ON "crm_tasks" USING btree ("tenant_id","assignee_user_id","done_at","due_on");--> statement-breakpoint
CREATE INDEX "crm_tasks_organization_idx" ON "crm_tasks" USING btree ("tenant_id","organization_id");--> statement-breakpoint
CREATE INDEX "crm_tasks_person_idx" ON "crm_tasks" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "crm_timeline_organization_idx" ON "crm_timeline_items" USING btree ("tenant_id","organization_id","occurred_at");--> statement-breakpoint
CREATE INDEX "crm_timeline_person_idx" ON "crm_timeline_items" USING btree ("tenant_id","person_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_timeline_source_key" ON "crm_timeline_items" USING btree ("tenant_id","source_type","source_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "products_code_key" ON "products" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "products_name_idx" ON "products" USING btree ("tenant_id","name","id");--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "products" USING gin ("tenant_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "product_vat_rates_class_from_key" ON "product_vat_rates" USING btree ("tenant_id","rate_class","valid_from");
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_organizations');
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_persons');
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_person_organization_links');
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_emails');
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_phones');
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_addresses');
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_timeline_items');
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_tasks');
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_deal_stages');
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_deals');
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_saved_views');
--> statement-breakpoint
SELECT enable_tenant_isolation('crm_number_series');
--> statement-breakpoint
SELECT enable_tenant_isolation('product_vat_rates');
--> statement-breakpoint
SELECT enable_tenant_isolation('products');
