import { formatAmount, parseAmount, REMINDER_KINDS } from '@clientbox/contracts';
import { z } from 'zod';
import { storedFilePath } from '../../../../kernel/export/archive-format.ts';
import {
  decimalText,
  invalidArchive,
  isoDate,
  memberEmails,
  membersByEmail,
  nullableText,
  parseArchiveRows,
  timestamp,
} from '../../../../kernel/export/archive-rows.ts';
import { hasTenantRows, rejectMissingReferences } from '../../../../kernel/export/archive-tables.ts';
import { sha256 } from '../../../../kernel/export/build-export-archive.ts';
import type { ImportableExporter } from '../../../../kernel/export/export-registry.ts';
import { reminders } from '../../reminders.tables.ts';
import { allReminderRows, insertReminderRows, reminderPdfs } from '../reminders.repository.ts';

const ENTITY = 'receivables.reminders';
const amount = decimalText(parseAmount);
const pdfPath = (id: string) => `receivables/reminders/${id}.pdf`;

/** A letter as the archive holds it; its PDF is the file `file`, checked against `file_sha256`. */
const reminderRow = z.strictObject({
  id: z.uuid(),
  invoice_id: z.uuid().nullable(),
  invoice_number: z.string().min(1),
  organization_id: z.uuid().nullable(),
  person_id: z.uuid().nullable(),
  customer_name: z.string(),
  level: z.number().int().min(1).max(5),
  kind: z.enum(REMINDER_KINDS),
  reckoned_on: isoDate,
  invoice_issue_date: isoDate,
  due_date: isoDate,
  payment_reference: nullableText,
  language: z.enum(['nl', 'en']),
  principal_due: amount,
  interest: amount,
  costs: amount,
  interest_rule: z.enum(['clause', 'statutory']).nullable(),
  fourteen_day_letter_expires_on: isoDate.nullable(),
  fourteen_day_letter_costs: amount.nullable(),
  cost_invoice_id: z.uuid().nullable(),
  recipient: nullableText,
  status: z.enum(['queued', 'sent', 'failed']),
  trigger: z.enum(['daily', 'manual']),
  sent_at: timestamp.nullable(),
  message_id: nullableText,
  error: nullableText,
  file: z.string().startsWith(storedFilePath('receivables/reminders/')),
  file_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  created_by_email: nullableText,
  created_at: timestamp,
});
type ReminderArchiveRow = z.output<typeof reminderRow>;

/** What a row must agree on (the table's checks and keys, named so the uploader sees which row is wrong). */
function inconsistency(row: ReminderArchiveRow): string | null {
  if (row.organization_id && row.person_id) return 'two customers';
  if (parseAmount(row.interest) < 0n || parseAmount(row.costs) < 0n) return 'negative interest or costs';
  if (row.status === 'sent' && !row.sent_at) return 'a sent letter needs sent_at';
  return null;
}

/**
 * Every letter with the amounts it stated and its PDF as sent, byte for byte (a letter is
 * evidence of the claim: the debtor may dispute it years later). A letter still `queued` stays
 * queued: the importing tenant's next daily run sends it, as the exporting one would have.
 */
export const remindersExporter: ImportableExporter<ReminderArchiveRow> = {
  entity: ENTITY,
  csv: true,
  importAfter: ['invoices.invoices', 'crm.organizations', 'crm.persons'],
  columns: Object.keys(reminderRow.shape) as (keyof ReminderArchiveRow)[],

  async export(ctx) {
    const emailOf = await memberEmails(ctx);
    return (await allReminderRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      invoice_id: row.invoiceId,
      invoice_number: row.invoiceNumber,
      organization_id: row.organizationId,
      person_id: row.personId,
      customer_name: row.customerName,
      level: row.level,
      kind: row.kind,
      reckoned_on: row.reckonedOn,
      invoice_issue_date: row.invoiceIssueDate,
      due_date: row.dueDate,
      payment_reference: row.paymentReference,
      language: row.language,
      principal_due: formatAmount(row.principalDue),
      interest: formatAmount(row.interest),
      costs: formatAmount(row.costs),
      interest_rule: row.interestRule,
      fourteen_day_letter_expires_on: row.fourteenDayLetterExpiresOn,
      fourteen_day_letter_costs: row.fourteenDayLetterCosts == null ? null : formatAmount(row.fourteenDayLetterCosts),
      cost_invoice_id: row.costInvoiceId,
      recipient: row.recipient,
      status: row.status,
      trigger: row.trigger,
      sent_at: row.sentAt?.toISOString() ?? null,
      message_id: row.messageId,
      error: row.error,
      file: storedFilePath(pdfPath(row.id)),
      file_sha256: row.pdfSha256,
      created_by_email: emailOf(row.createdBy),
      created_at: row.createdAt.toISOString(),
    }));
  },

  async files(ctx, rows) {
    const pdfs = await reminderPdfs(
      ctx.tx,
      ctx.tenantId,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({ path: pdfPath(row.id), bytes: pdfs.get(row.id)! }));
  },

  hasData: ({ tenantId, tx }) => hasTenantRows(tx, reminders, tenantId),

  async import(ctx, rows, files) {
    const parsed = parseArchiveRows(ENTITY, reminderRow, rows);
    const ids = new Set<string>();
    const levels = new Set<string>();
    for (const [index, row] of parsed.entries()) {
      const level = row.invoice_id && `${row.invoice_id}|${row.level}`;
      const problem =
        inconsistency(row) ??
        (ids.has(row.id)
          ? 'an id occurs twice'
          : level && levels.has(level)
            ? 'an invoice has this level twice'
            : null);
      if (problem) throw invalidArchive(ENTITY, `row ${index + 1}: ${problem}`);
      ids.add(row.id);
      if (level) levels.add(level);
    }
    const memberOf = await membersByEmail(ctx);
    const values = parsed.map((row, index) => {
      const bytes = files.get(row.file);
      if (!bytes) throw invalidArchive(ENTITY, `row ${index + 1}: ${row.file} is not in the archive`);
      if (sha256(bytes) !== row.file_sha256)
        throw invalidArchive(ENTITY, `row ${index + 1}: ${row.file} is not the letter that was sent (SHA-256 differs)`);
      return {
        tenantId: ctx.tenantId,
        id: row.id,
        invoiceId: row.invoice_id,
        invoiceNumber: row.invoice_number,
        organizationId: row.organization_id,
        personId: row.person_id,
        customerName: row.customer_name,
        level: row.level,
        kind: row.kind,
        reckonedOn: row.reckoned_on,
        invoiceIssueDate: row.invoice_issue_date,
        dueDate: row.due_date,
        paymentReference: row.payment_reference,
        language: row.language,
        principalDue: parseAmount(row.principal_due),
        interest: parseAmount(row.interest),
        costs: parseAmount(row.costs),
        interestRule: row.interest_rule,
        fourteenDayLetterExpiresOn: row.fourteen_day_letter_expires_on,
        fourteenDayLetterCosts:
          row.fourteen_day_letter_costs == null ? null : parseAmount(row.fourteen_day_letter_costs),
        costInvoiceId: row.cost_invoice_id,
        recipient: row.recipient,
        status: row.status,
        trigger: row.trigger,
        sentAt: row.sent_at ? new Date(row.sent_at) : null,
        messageId: row.message_id,
        error: row.error,
        pdfContent: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        pdfSha256: row.file_sha256,
        createdBy: memberOf(row.created_by_email),
        createdAt: new Date(row.created_at),
      };
    });
    await rejectMissingReferences(ENTITY, 'refers to an invoice or customer the archive does not hold', () =>
      insertReminderRows(ctx.tx, values),
    );
  },
};
