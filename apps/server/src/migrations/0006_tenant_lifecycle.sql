ALTER TABLE "tenants" ADD COLUMN "state" text DEFAULT 'demo' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "demo_ends_at" timestamp with time zone DEFAULT now() + interval '14 days' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "modules" text[];--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "seats" integer;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "state_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_state_check" CHECK (state IN ('demo', 'active', 'expired', 'suspended', 'deactivated'));
