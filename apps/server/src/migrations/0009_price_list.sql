CREATE TABLE "price_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item" text NOT NULL,
	"monthly_cents" bigint NOT NULL,
	"valid_from" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "price_list_item_valid_from_key" ON "price_list" USING btree ("item","valid_from");--> statement-breakpoint
-- The launch price list (EUR per month, excluding VAT); the operator adds dated rows to change it.
INSERT INTO "price_list" ("item", "monthly_cents", "valid_from", "note") VALUES
  ('base', 2500, '2026-01-01', 'Base package: one user, CRM and HRM'),
  ('extra_user', 750, '2026-01-01', 'Each user beyond the first'),
  ('module:products', 500, '2026-01-01', NULL),
  ('module:time_tracking', 700, '2026-01-01', NULL),
  ('module:assignments', 900, '2026-01-01', NULL),
  ('module:tickets', 900, '2026-01-01', NULL),
  ('module:quotes', 700, '2026-01-01', NULL),
  ('module:invoices', 900, '2026-01-01', NULL),
  ('module:subscriptions', 900, '2026-01-01', NULL),
  ('module:api', 500, '2026-01-01', NULL),
  ('module:voip', 1500, '2026-01-01', NULL);
