import { createHash } from 'node:crypto';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { FileStorage } from '../../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getCompany } from '../../../company/index.ts';
import { addressLines, letterOf } from '../documents/reminder-letter.ts';
import { renderReminderPdf } from '../documents/render-reminder-pdf.ts';
import type { ReminderSchedule } from '../reminder-settings.ts';
import { insertReminder, type NewReminderRow, type ReminderRow } from '../reminders.repository.ts';
import { invoiceCharges } from './invoice-charges.ts';
import type { DueLetter } from './find-due-reminders.ts';

/**
 * Writes today's letters: the PDF, the amounts it states and, when the tenant invoices charges,
 * the invoice for them. Rows are `queued`; the send job mails them after the commit. A level
 * another run wrote meanwhile is left out (one letter per level and invoice).
 */
export async function writeReminders(
  ctx: TenantContext,
  schedule: ReminderSchedule,
  letters: DueLetter[],
  today: string,
  trigger: 'daily' | 'manual',
  deps: { storage: FileStorage },
): Promise<ReminderRow[]> {
  if (letters.length === 0) return [];
  const company = await getCompany(ctx);
  const written: ReminderRow[] = [];
  for (const due of letters) {
    const fields: Omit<NewReminderRow, 'pdfContent' | 'pdfSha256'> = {
      tenantId: ctx.tenantId,
      invoiceId: due.invoice.id,
      invoiceNumber: due.invoice.number,
      ...(due.customer?.kind === 'person'
        ? { personId: due.customer.id }
        : { organizationId: due.customer?.id ?? null }),
      customerName: due.invoice.customerName,
      level: due.next.level,
      kind: due.next.definition.kind,
      reckonedOn: today,
      invoiceIssueDate: due.invoice.issueDate,
      dueDate: due.invoice.dueDate!,
      paymentReference: due.invoice.paymentReference,
      language: due.invoice.language,
      principalDue: due.invoice.amountDue,
      interest: due.charges.interest,
      costs: due.charges.costs,
      interestRule: due.charges.interestRule,
      fourteenDayLetterExpiresOn: due.charges.fourteenDayLetter?.expiresOn ?? null,
      fourteenDayLetterCosts: due.charges.fourteenDayLetter?.costs ?? null,
      recipient: due.customer?.email ?? null,
      trigger,
      createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
    };
    const letter = letterOf(company, fields, addressLines(due.customer?.address ?? null));
    const pdf = await renderReminderPdf(letter);
    const row = await insertReminder(ctx.tx, {
      ...fields,
      pdfContent: pdf,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
    });
    if (!row) continue;
    const costInvoiceId = schedule.invoiceCharges && letter.hasCharges ? await invoiceCharges(ctx, row, deps) : null;
    written.push(costInvoiceId ? { ...row, costInvoiceId } : row);
    await recordAuditEvent(ctx, {
      action: 'reminder.created',
      targetType: 'invoice',
      targetId: due.invoice.id,
      details: { reminder_id: row.id, level: row.level, kind: row.kind, trigger },
    });
  }
  return written;
}
