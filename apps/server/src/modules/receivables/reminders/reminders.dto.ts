import { type CollectionPause, formatAmount, type Reminder } from '@clientbox/contracts';
import { isPauseActive } from './domain/next-reminder-level.ts';
import type { CollectionPauseRow, ReminderRow } from './reminders.repository.ts';

export function toReminderDto(row: ReminderRow): Reminder {
  return {
    object: 'reminder',
    id: row.id,
    invoice_id: row.invoiceId,
    invoice_number: row.invoiceNumber,
    customer_id: row.organizationId ?? row.personId,
    customer_name: row.customerName,
    level: row.level,
    kind: row.kind,
    reckoned_on: row.reckonedOn,
    language: row.language,
    principal_due: formatAmount(row.principalDue),
    interest: formatAmount(row.interest),
    costs: formatAmount(row.costs),
    total_due: formatAmount(row.principalDue + row.interest + row.costs),
    interest_rule: row.interestRule,
    fourteen_day_letter:
      row.fourteenDayLetterExpiresOn && row.fourteenDayLetterCosts != null
        ? { expires_on: row.fourteenDayLetterExpiresOn, costs: formatAmount(row.fourteenDayLetterCosts) }
        : null,
    cost_invoice_id: row.costInvoiceId,
    recipient: row.recipient,
    status: row.status,
    sent_at: row.sentAt?.toISOString() ?? null,
    error: row.error,
    trigger: row.trigger,
    pdf_url: `/api/v1/reminders/${row.id}/pdf`,
    created_at: row.createdAt.toISOString(),
  };
}

export function toPauseDto(row: CollectionPauseRow, today: string): CollectionPause {
  return {
    object: 'collection_pause',
    id: row.id,
    customer_id: row.organizationId ?? row.personId,
    reason: row.reason,
    paused_on: row.pausedOn,
    until: row.until,
    ended_on: row.endedOn,
    active: isPauseActive(row, today),
    created_at: row.createdAt.toISOString(),
  };
}
