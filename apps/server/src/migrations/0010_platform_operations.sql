CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"sent_by" uuid,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newsletter_unsubscribes" (
	"email" text PRIMARY KEY NOT NULL,
	"unsubscribed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operator_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"operator_user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "operator_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"can_support" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "operator_users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "platform_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_change_notices" (
	"tenant_id" uuid NOT NULL,
	"price_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_change_notices_tenant_id_price_id_pk" PRIMARY KEY("tenant_id","price_id")
);
--> statement-breakpoint
CREATE TABLE "tenant_orders" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"modules" text[] NOT NULL,
	"users" integer NOT NULL,
	"period" text NOT NULL,
	"agreed_prices" jsonb NOT NULL,
	"monthly_cents" bigint NOT NULL,
	"terms_version" text NOT NULL,
	"placed_by" uuid,
	"placed_by_name" text,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"refusal_reason" text,
	CONSTRAINT "tenant_orders_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_grants" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"operator_user_id" uuid NOT NULL,
	"access" text NOT NULL,
	"reason" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"granted_by" uuid,
	"granted_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "support_grants_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "customer_type" text DEFAULT 'business' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "adult_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "kvk_number" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "address" jsonb;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "billing_email" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "requested_order" jsonb;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "last_activity_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "deactivation_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "deactivation_reason" text;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_sent_by_operator_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."operator_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_sessions" ADD CONSTRAINT "operator_sessions_operator_user_id_operator_users_id_fk" FOREIGN KEY ("operator_user_id") REFERENCES "public"."operator_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_change_notices" ADD CONSTRAINT "price_change_notices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_change_notices" ADD CONSTRAINT "price_change_notices_price_fk" FOREIGN KEY ("price_id") REFERENCES "public"."price_list"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_orders" ADD CONSTRAINT "tenant_orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_orders" ADD CONSTRAINT "tenant_orders_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_orders" ADD CONSTRAINT "tenant_orders_decided_by_operator_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."operator_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_grants" ADD CONSTRAINT "support_grants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_grants" ADD CONSTRAINT "support_grants_operator_user_id_operator_users_id_fk" FOREIGN KEY ("operator_user_id") REFERENCES "public"."operator_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_grants" ADD CONSTRAINT "support_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_grants" ADD CONSTRAINT "support_grants_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "operator_sessions_user_idx" ON "operator_sessions" USING btree ("operator_user_id");--> statement-breakpoint
CREATE INDEX "tenant_orders_pending_idx" ON "tenant_orders" USING btree ("status","placed_at");--> statement-breakpoint
CREATE INDEX "support_grants_operator_idx" ON "support_grants" USING btree ("operator_user_id");--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_customer_type_check" CHECK (customer_type IN ('business', 'private'));--> statement-breakpoint
ALTER TABLE "tenant_orders" ADD CONSTRAINT "tenant_orders_status_check" CHECK (status IN ('pending', 'accepted', 'refused', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "tenant_orders" ADD CONSTRAINT "tenant_orders_period_check" CHECK (period IN ('month', 'quarter', 'year'));--> statement-breakpoint
ALTER TABLE "support_grants" ADD CONSTRAINT "support_grants_access_check" CHECK (access IN ('read', 'write'));--> statement-breakpoint
ALTER TABLE "operator_users" ADD CONSTRAINT "operator_users_role_check" CHECK (role IN ('admin', 'support'));--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_kind_check" CHECK (kind IN ('service', 'newsletter'));--> statement-breakpoint
-- Orders, price notices and support grants are read by operator code across tenants (owner
-- connection); inside a tenant transaction app_user sees only its own tenant's rows.
GRANT SELECT, INSERT, UPDATE ON tenant_orders, support_grants TO app_user;--> statement-breakpoint
GRANT SELECT ON price_change_notices TO app_user;--> statement-breakpoint
ALTER TABLE tenant_orders ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenant_orders USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());--> statement-breakpoint
ALTER TABLE support_grants ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON support_grants USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());--> statement-breakpoint
ALTER TABLE price_change_notices ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON price_change_notices USING (tenant_id = current_tenant_id());--> statement-breakpoint
-- The staff list is shown to tenants (art. 16): names and roles, never credentials.
GRANT SELECT (id, name, role, can_support, disabled_at) ON operator_users TO app_user;--> statement-breakpoint
INSERT INTO platform_settings (key, value) VALUES ('orders.review_queue', 'false');
--> statement-breakpoint
GRANT SELECT ON price_list TO app_user;
