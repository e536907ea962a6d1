import { amsterdamDate, type CreateRefundBatch, formatAmount, type RefundBatchDto } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../../crm/index.ts';
import { listOpenDocuments, type OpenDocument, recordPayment } from '../../../invoices/index.ts';
import { collectionDateFor } from '../../domain/sepa-timing.ts';
import { signedMandatesOfCustomer } from '../../mandates/mandates.repository.ts';
import { buildPain001, type Refund } from '../../sepa/pain001.ts';
import { creditNoteNotRefundable, nothingToRefund } from '../batches.errors.ts';
import { insertRefundBatch } from '../batches.repository.ts';
import { sha256Hex, toRefundBatchDto } from '../batches.dto.ts';
import { companyAccount } from './creditor-of-company.ts';
import { nextMessageId } from './next-message-id.ts';

interface PlannedRefund {
  creditNote: OpenDocument;
  account: { name: string; iban: string; bic: string | null };
}

/** Where a refund goes: the organization's bank account in the CRM, else the newest signed mandate's. */
async function refundAccount(ctx: TenantContext, creditNote: OpenDocument): Promise<PlannedRefund['account'] | null> {
  if (!creditNote.customerId) return null;
  const customer = await getCustomerForDocument(ctx, creditNote.customerId);
  if (customer?.bank_account) return { name: creditNote.customerName || customer.name, ...customer.bank_account };
  const [mandate] = await signedMandatesOfCustomer(ctx.tx, ctx.tenantId, creditNote.customerId);
  return mandate
    ? { name: mandate.debtorName ?? creditNote.customerName, iban: mandate.iban!, bic: mandate.bic }
    : null;
}

const remittanceText = (creditNote: OpenDocument) =>
  `${creditNote.language === 'en' ? 'Refund credit note' : 'Terugbetaling creditnota'} ${creditNote.number}`;

/**
 * Refunds issued credit notes with a refund due (§5.4) in one pain.001 file, paid on the next
 * TARGET day. Each refund is booked as a payment on its credit note in the same transaction, so
 * its refund due drops to zero and a later batch cannot pay it again.
 */
export async function createRefundBatch(ctx: TenantContext, input: CreateRefundBatch): Promise<RefundBatchDto> {
  const payer = await companyAccount(ctx, false);
  const named = input.credit_note_ids !== undefined;
  const open = await listOpenDocuments(ctx, {
    type: 'credit_note',
    ...(named && { ids: input.credit_note_ids }),
  });
  if (named && open.length !== new Set(input.credit_note_ids).size)
    throw creditNoteNotRefundable(null, 'no_refund_due');
  const planned: PlannedRefund[] = [];
  for (const creditNote of open) {
    const account = await refundAccount(ctx, creditNote);
    if (account) planned.push({ creditNote, account });
    else if (named) throw creditNoteNotRefundable(creditNote.number, 'no_bank_account');
  }
  if (planned.length === 0) throw nothingToRefund();

  const today = amsterdamDate();
  const executionDate = collectionDateFor(today);
  const messageId = await nextMessageId(ctx, 'RF', today);
  const refunds: Refund[] = planned.map(({ creditNote, account }) => ({
    endToEndId: creditNote.number,
    amount: creditNote.amountDue,
    creditor: account,
    remittanceText: remittanceText(creditNote),
  }));
  const xml = buildPain001({
    messageId,
    createdAt: new Date(),
    executionDate,
    debtor: { name: payer.name, iban: payer.iban, bic: payer.bic },
    refunds,
  });
  const items = [];
  for (const { creditNote, account } of planned) {
    const payment = await recordPayment(ctx, creditNote.id, {
      paid_on: today,
      amount: formatAmount(creditNote.amountDue),
      method: 'bank_transfer',
      note: `Refund ${messageId}`,
    });
    items.push({
      creditNoteId: creditNote.id,
      paymentId: payment.id,
      endToEndId: creditNote.number,
      amount: creditNote.amountDue,
      creditorName: account.name,
      creditorIban: account.iban,
    });
  }
  const content = Buffer.from(xml, 'utf8');
  const totalAmount = items.reduce((sum, item) => sum + item.amount, 0n);
  const row = await insertRefundBatch(
    ctx.tx,
    {
      tenantId: ctx.tenantId,
      messageId,
      executionDate,
      totalAmount,
      fileContent: content,
      fileSha256: sha256Hex(content),
      createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
    },
    items,
  );
  await recordAuditEvent(ctx, {
    action: 'refund_batch.created',
    targetType: 'refund_batch',
    targetId: row.id,
    details: {
      message_id: messageId,
      execution_date: executionDate,
      item_count: items.length,
      total_amount: formatAmount(totalAmount),
    },
  });
  return toRefundBatchDto(
    row,
    items.map((item) => ({ ...item, tenantId: ctx.tenantId, batchId: row.id })),
    true,
  );
}
