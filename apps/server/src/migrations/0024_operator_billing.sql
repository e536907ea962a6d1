CREATE TABLE "applied_platform_events" (
	"tenant_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applied_platform_events_tenant_id_event_id_pk" PRIMARY KEY("tenant_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "platform_customers" (
	"tenant_id" uuid NOT NULL,
	"platform_tenant_id" uuid NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"suspended_for_payment_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_customers_tenant_id_platform_tenant_id_pk" PRIMARY KEY("tenant_id","platform_tenant_id"),
	CONSTRAINT "platform_customers_one_customer" CHECK (num_nonnulls("platform_customers"."organization_id", "platform_customers"."person_id") <= 1)
);
--> statement-breakpoint
DROP INDEX "subscriptions_platform_tenant_key";--> statement-breakpoint
ALTER TABLE "applied_platform_events" ADD CONSTRAINT "applied_platform_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_customers" ADD CONSTRAINT "platform_customers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscriptions_platform_tenant_idx" ON "subscriptions" USING btree ("tenant_id","platform_tenant_id") WHERE "subscriptions"."platform_tenant_id" IS NOT NULL;--> statement-breakpoint
SELECT enable_tenant_isolation('applied_platform_events');--> statement-breakpoint
SELECT enable_tenant_isolation('platform_customers');--> statement-breakpoint
ALTER TABLE "platform_customers" ADD CONSTRAINT "platform_customers_organization_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."crm_organizations"("tenant_id","id") ON DELETE SET NULL ("organization_id");--> statement-breakpoint
ALTER TABLE "platform_customers" ADD CONSTRAINT "platform_customers_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."crm_persons"("tenant_id","id") ON DELETE SET NULL ("person_id");
