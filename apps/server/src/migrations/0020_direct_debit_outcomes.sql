ALTER TABLE "direct_debit_batch_items" ADD COLUMN "outcome" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "direct_debit_batch_items" ADD COLUMN "return_reason_code" text;--> statement-breakpoint
ALTER TABLE "direct_debit_batch_items" ADD COLUMN "outcome_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "direct_debit_batch_items" ADD COLUMN "outcome_on" date;--> statement-breakpoint
ALTER TABLE "direct_debit_batch_items" ADD COLUMN "mandate_before" jsonb;