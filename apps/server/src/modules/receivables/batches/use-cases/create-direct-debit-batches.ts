import {
  amsterdamDate,
  type CreateDirectDebitBatches,
  type DirectDebitBatchDto,
  formatAmount,
} from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { listOpenDocuments, type OpenDocument } from '../../../invoices/index.ts';
import { collectionDateFor, earliestCollectionAfterNotice, submitBy } from '../../domain/sepa-timing.ts';
import { nextTargetDay } from '../../domain/target-calendar.ts';
import { activeMandatesOfCustomers, updateMandateRow } from '../../mandates/mandates.repository.ts';
import { buildPain008, type DirectDebitCollection, type DirectDebitScheme } from '../../sepa/pain008.ts';
import {
  collectionDateTooEarly,
  invoiceAlreadyInBatch,
  invoiceNotCollectable,
  nothingToCollect,
} from '../batches.errors.ts';
import { collectionRecords, insertDirectDebitBatch, invoicesInOpenBatches } from '../batches.repository.ts';
import { sha256Hex, toDirectDebitBatchDto } from '../batches.dto.ts';
import { type CompanyAccount, companyAccount } from './creditor-of-company.ts';
import { nextMessageId } from './next-message-id.ts';
import { type PickedCollection, pickCollection } from './pick-collections.ts';

/**
 * The collection date: the requested day moved to a TARGET day, or by default the first TARGET
 * day that respects the 14-day pre-notification from today. The file must reach the bank one
 * TARGET day ahead (§5.1), so the earliest possible day is the TARGET day after tomorrow's.
 */
function resolveCollectionDate(requested: string | undefined, today: string): string {
  if (!requested) return collectionDateFor(earliestCollectionAfterNotice(today));
  const date = collectionDateFor(requested);
  if (submitBy(date) < today) throw collectionDateTooEarly(nextTargetDay(today));
  return date;
}

/**
 * Collects open direct-debit invoices (§5.1): one batch and pain.008 file per scheme (CORE and
 * B2B go to the bank separately). An invoice already in an open batch is skipped when selected
 * by default and refused (409) when named. The mandates used get `last_collection_on`.
 */
export async function createDirectDebitBatches(
  ctx: TenantContext,
  input: CreateDirectDebitBatches,
): Promise<DirectDebitBatchDto[]> {
  const creditor = await companyAccount(ctx, true);
  const today = amsterdamDate();
  const collectionDate = resolveCollectionDate(input.collection_date, today);
  const picked = await pickInvoices(ctx, input.invoice_ids, collectionDate);
  if (picked.length === 0) throw nothingToCollect();

  const batches: DirectDebitBatchDto[] = [];
  for (const scheme of ['CORE', 'B2B'] as const satisfies DirectDebitScheme[]) {
    const ofScheme = picked.filter((collection) => collection.mandate.scheme === scheme);
    if (ofScheme.length === 0) continue;
    const messageId = await nextMessageId(ctx, 'DD', today);
    batches.push(await storeBatch(ctx, creditor, messageId, scheme, collectionDate, ofScheme));
  }
  for (const mandate of new Map(picked.map(({ mandate }) => [mandate.id, mandate])).values()) {
    // The amendment is reported in this file; from now on the new account is the known one.
    await updateMandateRow(ctx.tx, ctx.tenantId, mandate.id, { lastCollectionOn: collectionDate, originalIban: null });
  }
  return batches;
}

async function pickInvoices(
  ctx: TenantContext,
  invoiceIds: string[] | undefined,
  collectionDate: string,
): Promise<PickedCollection[]> {
  const named = invoiceIds !== undefined;
  const open = await listOpenDocuments(ctx, {
    type: 'invoice',
    ...(named ? { ids: invoiceIds } : { paymentMeans: 'direct_debit' }),
  });
  if (named) {
    const openIds = new Set(open.map((invoice) => invoice.id));
    const notOpen = invoiceIds.find((id) => !openIds.has(id));
    if (notOpen) throw invoiceNotCollectable(null, 'not_open');
  }
  const candidates = named
    ? open
    : open.filter((invoice) => invoice.dueDate === null || invoice.dueDate <= collectionDate);
  const inBatch = await invoicesInOpenBatches(
    ctx.tx,
    ctx.tenantId,
    candidates.map((invoice) => invoice.id),
  );
  const customerIds = [...new Set(candidates.flatMap((invoice) => (invoice.customerId ? [invoice.customerId] : [])))];
  const mandates = await activeMandatesOfCustomers(ctx.tx, ctx.tenantId, customerIds);
  // Earlier collections: a returned one may be retried once (§5.5), a series whose FRST came back restarts.
  const earlier = await collectionRecords(ctx.tx, ctx.tenantId, {
    invoiceIds: candidates.map((invoice) => invoice.id),
    mandateIds: mandates.map((mandate) => mandate.id),
  });
  const usedOneOff = new Set<string>();
  const picked: PickedCollection[] = [];
  for (const invoice of candidates) {
    if (inBatch.has(invoice.id)) {
      if (named) throw invoiceAlreadyInBatch(invoice.number);
      continue;
    }
    const ofCustomer = mandates.filter(
      (mandate) => invoice.customerId && [mandate.organizationId, mandate.personId].includes(invoice.customerId),
    );
    const result = pickCollection(invoice, ofCustomer, collectionDate, usedOneOff, {
      ofInvoice: earlier.filter((record) => record.invoiceId === invoice.id),
      ofMandate: (mandateId) => earlier.filter((record) => record.mandateId === mandateId),
    });
    if (typeof result === 'string') {
      if (named) throw invoiceNotCollectable(invoice.number, result);
      continue;
    }
    if (result.mandate.type === 'one_off') usedOneOff.add(result.mandate.id);
    picked.push(result);
  }
  return picked;
}

function collectionOf(picked: PickedCollection, scheme: DirectDebitScheme, date: string): DirectDebitCollection {
  const { invoice, mandate, sequenceType } = picked;
  return {
    scheme,
    sequenceType,
    collectionDate: date,
    endToEndId: invoice.number,
    amount: invoice.amountDue,
    mandate: {
      id: mandate.mandateId,
      signedOn: mandate.signedOn!,
      amendment: mandate.originalIban ? { originalDebtorIban: mandate.originalIban } : null,
    },
    debtor: { name: mandate.debtorName!, iban: mandate.iban!, bic: mandate.bic },
    remittance: remittanceOf(invoice),
  };
}

/** The RF reference printed on the invoice when there is one, else the invoice number as text. */
function remittanceOf(invoice: OpenDocument): DirectDebitCollection['remittance'] {
  if (invoice.paymentReference?.startsWith('RF')) return { creditorReference: invoice.paymentReference };
  return { unstructured: `${invoice.language === 'en' ? 'Invoice' : 'Factuur'} ${invoice.number}` };
}

async function storeBatch(
  ctx: TenantContext,
  creditor: CompanyAccount,
  messageId: string,
  scheme: DirectDebitScheme,
  collectionDate: string,
  picked: PickedCollection[],
): Promise<DirectDebitBatchDto> {
  const collections = picked.map((collection) => collectionOf(collection, scheme, collectionDate));
  const xml = buildPain008({
    messageId,
    createdAt: new Date(),
    creditor: {
      name: creditor.name,
      creditorId: creditor.creditorId!,
      account: { iban: creditor.iban, bic: creditor.bic },
    },
    collections,
  });
  const content = Buffer.from(xml, 'utf8');
  const totalAmount = collections.reduce((sum, collection) => sum + collection.amount, 0n);
  const items = picked.map(({ invoice, mandate, sequenceType }) => ({
    invoiceId: invoice.id,
    mandateId: mandate.id,
    mandateReference: mandate.mandateId,
    sequenceType,
    endToEndId: invoice.number,
    amount: invoice.amountDue,
    debtorName: mandate.debtorName!,
    debtorIban: mandate.iban!,
    // Withdrawing the batch puts the mandate back as it was (createDirectDebitBatches changes it).
    mandateBefore: { last_collection_on: mandate.lastCollectionOn, original_iban: mandate.originalIban },
  }));
  const row = await insertDirectDebitBatch(
    ctx.tx,
    {
      tenantId: ctx.tenantId,
      messageId,
      scheme,
      collectionDate,
      submitBy: submitBy(collectionDate),
      totalAmount,
      fileContent: content,
      fileSha256: sha256Hex(content),
      createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
    },
    items,
  );
  await recordAuditEvent(ctx, {
    action: 'direct_debit_batch.created',
    targetType: 'direct_debit_batch',
    targetId: row.id,
    details: {
      message_id: messageId,
      scheme,
      collection_date: collectionDate,
      item_count: items.length,
      total_amount: formatAmount(totalAmount),
    },
  });
  return toDirectDebitBatchDto(
    row,
    items.map((item) => ({
      ...item,
      tenantId: ctx.tenantId,
      batchId: row.id,
      outcome: 'pending' as const,
      returnReasonCode: null,
      outcomeEntryId: null,
      outcomeOn: null,
    })),
    true,
  );
}
