import { iban } from '@clientbox/contracts';
import { z } from 'zod';
import { storedFilePath } from '../../../../kernel/export/archive-format.ts';
import {
  invalidArchive,
  isoDate,
  memberEmails,
  membersByEmail,
  parseArchiveRows,
  timestamp,
} from '../../../../kernel/export/archive-rows.ts';
import { hasTenantRows, inChunks, rejectMissingReferences } from '../../../../kernel/export/archive-tables.ts';
import { sha256 } from '../../../../kernel/export/build-export-archive.ts';
import type { ImportableExporter, ImportedFiles } from '../../../../kernel/export/export-registry.ts';
import { directDebitBatches, refundBatches } from '../../collection-batches.tables.ts';
import {
  allDirectDebitBatchRows,
  allRefundBatchRows,
  directDebitItemsOf,
  insertDirectDebitBatchRows,
  insertDirectDebitItemRows,
  insertRefundBatchRows,
  insertRefundItemRows,
  refundItemsOf,
} from '../batches.repository.ts';

const ENTITIES = {
  debits: 'receivables.direct_debit_batches',
  debitItems: 'receivables.direct_debit_batch_items',
  refunds: 'receivables.refund_batches',
  refundItems: 'receivables.refund_batch_items',
};

const cents = z
  .string()
  .regex(/^\d+$/)
  .transform((value) => BigInt(value));
const fileColumns = {
  file: z.string().startsWith(storedFilePath('receivables/')),
  file_sha256: z.string().regex(/^[0-9a-f]{64}$/),
};
const filePath = (folder: string, messageId: string) => `receivables/${folder}/${messageId}.xml`;

/** The bytes a row names, checked against the SHA-256 they were stored with. */
function storedBytes(entity: string, files: ImportedFiles, row: { file: string; file_sha256: string }, index: number) {
  const bytes = files.get(row.file);
  if (!bytes) throw invalidArchive(entity, `row ${index + 1}: ${row.file} is not in the archive`);
  if (sha256(bytes) !== row.file_sha256)
    throw invalidArchive(entity, `row ${index + 1}: ${row.file} is not the file that was created (SHA-256 differs)`);
  return Buffer.from(bytes);
}

const insertOrExplain = (entity: string, write: () => Promise<void>) =>
  rejectMissingReferences(entity, 'refers to a row the archive does not hold', write);

const debitRow = z.strictObject({
  id: z.uuid(),
  message_id: z.string().min(1).max(35),
  scheme: z.enum(['CORE', 'B2B']),
  status: z.enum(['open', 'settled', 'cancelled']),
  collection_date: isoDate,
  submit_by: isoDate,
  total_amount: cents,
  ...fileColumns,
  created_by_email: z.string().nullable(),
  created_at: timestamp,
});

/** Direct-debit batches with their pain.008 files, byte for byte (the bank may ask about one for years). */
export const directDebitBatchesExporter: ImportableExporter<z.input<typeof debitRow>> = {
  entity: ENTITIES.debits,
  csv: true,
  columns: Object.keys(debitRow.shape) as (keyof z.input<typeof debitRow>)[],
  async export(ctx) {
    const emailOf = await memberEmails(ctx);
    return (await allDirectDebitBatchRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      message_id: row.messageId,
      scheme: row.scheme,
      status: row.status,
      collection_date: row.collectionDate,
      submit_by: row.submitBy,
      total_amount: row.totalAmount.toString(),
      file: storedFilePath(filePath('direct-debit', row.messageId)),
      file_sha256: row.fileSha256,
      created_by_email: emailOf(row.createdBy),
      created_at: row.createdAt.toISOString(),
    }));
  },
  async files(ctx, rows) {
    const stored = new Map((await allDirectDebitBatchRows(ctx.tx, ctx.tenantId)).map((row) => [row.id, row]));
    return rows.map((row) => ({
      path: row.file.slice(storedFilePath('').length),
      bytes: new Uint8Array(stored.get(row.id)!.fileContent),
    }));
  },
  hasData: ({ tenantId, tx }) => hasTenantRows(tx, directDebitBatches, tenantId),
  async import(ctx, rows, files) {
    const parsed = parseArchiveRows(ENTITIES.debits, debitRow, rows);
    const memberOf = await membersByEmail(ctx);
    const values = parsed.map((row, index) => ({
      tenantId: ctx.tenantId,
      id: row.id,
      messageId: row.message_id,
      scheme: row.scheme,
      status: row.status,
      collectionDate: row.collection_date,
      submitBy: row.submit_by,
      totalAmount: row.total_amount,
      fileContent: storedBytes(ENTITIES.debits, files, row, index),
      fileSha256: row.file_sha256,
      createdBy: memberOf(row.created_by_email),
      createdAt: new Date(row.created_at),
    }));
    await insertOrExplain(ENTITIES.debits, () =>
      inChunks(values, (chunk) => insertDirectDebitBatchRows(ctx.tx, chunk)),
    );
  },
};

const debitItemRow = z.strictObject({
  batch_id: z.uuid(),
  invoice_id: z.uuid(),
  mandate_id: z.uuid(),
  mandate_reference: z.string().min(1).max(35),
  sequence_type: z.enum(['FRST', 'RCUR', 'OOFF', 'FNAL']),
  end_to_end_id: z.string().min(1).max(35),
  amount: cents,
  debtor_name: z.string(),
  debtor_iban: iban,
  // Archives made before outcomes were kept lack these columns.
  outcome: z.enum(['pending', 'collected', 'returned']).default('pending'),
  return_reason_code: z.string().nullable().default(null),
  outcome_entry_id: z.uuid().nullable().default(null),
  outcome_on: isoDate.nullable().default(null),
});

export const directDebitBatchItemsExporter: ImportableExporter<z.input<typeof debitItemRow>> = {
  entity: ENTITIES.debitItems,
  csv: true,
  importAfter: [ENTITIES.debits, 'invoices.invoices', 'receivables.mandates'],
  columns: Object.keys(debitItemRow.shape) as (keyof z.input<typeof debitItemRow>)[],
  async export(ctx) {
    const batches = await allDirectDebitBatchRows(ctx.tx, ctx.tenantId);
    const items = await directDebitItemsOf(
      ctx.tx,
      ctx.tenantId,
      batches.map((batch) => batch.id),
    );
    return items.map((item) => ({
      batch_id: item.batchId,
      invoice_id: item.invoiceId,
      mandate_id: item.mandateId,
      mandate_reference: item.mandateReference,
      sequence_type: item.sequenceType,
      end_to_end_id: item.endToEndId,
      amount: item.amount.toString(),
      debtor_name: item.debtorName,
      debtor_iban: item.debtorIban,
      outcome: item.outcome,
      return_reason_code: item.returnReasonCode,
      outcome_entry_id: item.outcomeEntryId,
      outcome_on: item.outcomeOn,
    }));
  },
  // The batches decide whether the tenant holds data: items never exist without one.
  hasData: ({ tenantId, tx }) => hasTenantRows(tx, directDebitBatches, tenantId),
  async import(ctx, rows) {
    const parsed = parseArchiveRows(ENTITIES.debitItems, debitItemRow, rows);
    const values = parsed.map((row) => ({
      tenantId: ctx.tenantId,
      batchId: row.batch_id,
      invoiceId: row.invoice_id,
      mandateId: row.mandate_id,
      mandateReference: row.mandate_reference,
      sequenceType: row.sequence_type,
      endToEndId: row.end_to_end_id,
      amount: row.amount,
      debtorName: row.debtor_name,
      debtorIban: row.debtor_iban,
      outcome: row.outcome,
      returnReasonCode: row.return_reason_code,
      outcomeEntryId: row.outcome_entry_id,
      outcomeOn: row.outcome_on,
    }));
    await insertOrExplain(ENTITIES.debitItems, () =>
      inChunks(values, (chunk) => insertDirectDebitItemRows(ctx.tx, chunk)),
    );
  },
};

const refundRow = z.strictObject({
  id: z.uuid(),
  message_id: z.string().min(1).max(35),
  execution_date: isoDate,
  total_amount: cents,
  ...fileColumns,
  created_by_email: z.string().nullable(),
  created_at: timestamp,
});

/** Refund batches with their pain.001 files, byte for byte. */
export const refundBatchesExporter: ImportableExporter<z.input<typeof refundRow>> = {
  entity: ENTITIES.refunds,
  csv: true,
  columns: Object.keys(refundRow.shape) as (keyof z.input<typeof refundRow>)[],
  async export(ctx) {
    const emailOf = await memberEmails(ctx);
    return (await allRefundBatchRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      message_id: row.messageId,
      execution_date: row.executionDate,
      total_amount: row.totalAmount.toString(),
      file: storedFilePath(filePath('refunds', row.messageId)),
      file_sha256: row.fileSha256,
      created_by_email: emailOf(row.createdBy),
      created_at: row.createdAt.toISOString(),
    }));
  },
  async files(ctx, rows) {
    const stored = new Map((await allRefundBatchRows(ctx.tx, ctx.tenantId)).map((row) => [row.id, row]));
    return rows.map((row) => ({
      path: row.file.slice(storedFilePath('').length),
      bytes: new Uint8Array(stored.get(row.id)!.fileContent),
    }));
  },
  hasData: ({ tenantId, tx }) => hasTenantRows(tx, refundBatches, tenantId),
  async import(ctx, rows, files) {
    const parsed = parseArchiveRows(ENTITIES.refunds, refundRow, rows);
    const memberOf = await membersByEmail(ctx);
    const values = parsed.map((row, index) => ({
      tenantId: ctx.tenantId,
      id: row.id,
      messageId: row.message_id,
      executionDate: row.execution_date,
      totalAmount: row.total_amount,
      fileContent: storedBytes(ENTITIES.refunds, files, row, index),
      fileSha256: row.file_sha256,
      createdBy: memberOf(row.created_by_email),
      createdAt: new Date(row.created_at),
    }));
    await insertOrExplain(ENTITIES.refunds, () => inChunks(values, (chunk) => insertRefundBatchRows(ctx.tx, chunk)));
  },
};

const refundItemRow = z.strictObject({
  batch_id: z.uuid(),
  credit_note_id: z.uuid(),
  payment_id: z.uuid().nullable(),
  end_to_end_id: z.string().min(1).max(35),
  amount: cents,
  creditor_name: z.string(),
  creditor_iban: iban,
});

export const refundBatchItemsExporter: ImportableExporter<z.input<typeof refundItemRow>> = {
  entity: ENTITIES.refundItems,
  csv: true,
  importAfter: [ENTITIES.refunds, 'invoices.invoices', 'invoices.payments'],
  columns: Object.keys(refundItemRow.shape) as (keyof z.input<typeof refundItemRow>)[],
  async export(ctx) {
    const batches = await allRefundBatchRows(ctx.tx, ctx.tenantId);
    const items = await refundItemsOf(
      ctx.tx,
      ctx.tenantId,
      batches.map((batch) => batch.id),
    );
    return items.map((item) => ({
      batch_id: item.batchId,
      credit_note_id: item.creditNoteId,
      payment_id: item.paymentId,
      end_to_end_id: item.endToEndId,
      amount: item.amount.toString(),
      creditor_name: item.creditorName,
      creditor_iban: item.creditorIban,
    }));
  },
  hasData: ({ tenantId, tx }) => hasTenantRows(tx, refundBatches, tenantId),
  async import(ctx, rows) {
    const parsed = parseArchiveRows(ENTITIES.refundItems, refundItemRow, rows);
    const values = parsed.map((row) => ({
      tenantId: ctx.tenantId,
      batchId: row.batch_id,
      creditNoteId: row.credit_note_id,
      paymentId: row.payment_id,
      endToEndId: row.end_to_end_id,
      amount: row.amount,
      creditorName: row.creditor_name,
      creditorIban: row.creditor_iban,
    }));
    await insertOrExplain(ENTITIES.refundItems, () => inChunks(values, (chunk) => insertRefundItemRows(ctx.tx, chunk)));
  },
};
