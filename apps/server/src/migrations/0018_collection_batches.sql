CREATE TABLE "direct_debit_batch_items" (
	"tenant_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"mandate_id" uuid NOT NULL,
	"mandate_reference" text NOT NULL,
	"sequence_type" text NOT NULL,
	"end_to_end_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"debtor_name" text NOT NULL,
	"debtor_iban" text NOT NULL,
	CONSTRAINT "direct_debit_batch_items_tenant_id_batch_id_invoice_id_pk" PRIMARY KEY("tenant_id","batch_id","invoice_id"),
	CONSTRAINT "direct_debit_batch_items_amount_positive" CHECK ("direct_debit_batch_items"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "direct_debit_batches" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"message_id" text NOT NULL,
	"scheme" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"collection_date" date NOT NULL,
	"submit_by" date NOT NULL,
	"total_amount" bigint NOT NULL,
	"file_content" "bytea" NOT NULL,
	"file_sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "direct_debit_batches_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "refund_batch_items" (
	"tenant_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"credit_note_id" uuid NOT NULL,
	"payment_id" uuid,
	"end_to_end_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"creditor_name" text NOT NULL,
	"creditor_iban" text NOT NULL,
	CONSTRAINT "refund_batch_items_tenant_id_batch_id_credit_note_id_pk" PRIMARY KEY("tenant_id","batch_id","credit_note_id"),
	CONSTRAINT "refund_batch_items_amount_positive" CHECK ("refund_batch_items"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "refund_batches" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"message_id" text NOT NULL,
	"execution_date" date NOT NULL,
	"total_amount" bigint NOT NULL,
	"file_content" "bytea" NOT NULL,
	"file_sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refund_batches_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "direct_debit_batch_items" ADD CONSTRAINT "direct_debit_batch_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_batch_items" ADD CONSTRAINT "direct_debit_batch_items_batch_fk" FOREIGN KEY ("tenant_id","batch_id") REFERENCES "public"."direct_debit_batches"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_batch_items" ADD CONSTRAINT "direct_debit_batch_items_mandate_fk" FOREIGN KEY ("tenant_id","mandate_id") REFERENCES "public"."mandates"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_batches" ADD CONSTRAINT "direct_debit_batches_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_batches" ADD CONSTRAINT "direct_debit_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_batch_items" ADD CONSTRAINT "refund_batch_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_batch_items" ADD CONSTRAINT "refund_batch_items_batch_fk" FOREIGN KEY ("tenant_id","batch_id") REFERENCES "public"."refund_batches"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_batches" ADD CONSTRAINT "refund_batches_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_batches" ADD CONSTRAINT "refund_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "direct_debit_batch_items_invoice_idx" ON "direct_debit_batch_items" USING btree ("tenant_id","invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "direct_debit_batches_message_id_key" ON "direct_debit_batches" USING btree ("tenant_id","message_id");--> statement-breakpoint
CREATE INDEX "direct_debit_batches_created_idx" ON "direct_debit_batches" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "refund_batch_items_credit_note_idx" ON "refund_batch_items" USING btree ("tenant_id","credit_note_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refund_batches_message_id_key" ON "refund_batches" USING btree ("tenant_id","message_id");--> statement-breakpoint
CREATE INDEX "refund_batches_created_idx" ON "refund_batches" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
-- Issued invoices and credit notes are never deleted, so a batch item keeps pointing at one.
ALTER TABLE "direct_debit_batch_items" ADD CONSTRAINT "direct_debit_batch_items_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id");
--> statement-breakpoint
ALTER TABLE "refund_batch_items" ADD CONSTRAINT "refund_batch_items_credit_note_fk" FOREIGN KEY ("tenant_id","credit_note_id") REFERENCES "public"."invoices"("tenant_id","id");
--> statement-breakpoint
SELECT enable_tenant_isolation('direct_debit_batches');
--> statement-breakpoint
SELECT enable_tenant_isolation('direct_debit_batch_items');
--> statement-breakpoint
SELECT enable_tenant_isolation('refund_batches');
--> statement-breakpoint
SELECT enable_tenant_isolation('refund_batch_items');
