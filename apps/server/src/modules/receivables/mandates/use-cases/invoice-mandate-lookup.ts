import { amsterdamDate } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import type { DirectDebitMandate } from '../../../invoices/index.ts';
import { canCollectOn } from '../mandate-validity.ts';
import { activeMandatesOfCustomers } from '../mandates.repository.ts';

/**
 * The lookup invoices calls when it issues a direct-debit invoice: the customer's active mandate
 * with this reference, usable today. Its IBAN goes into the UBL (BT-91) and the pre-notification.
 */
export async function invoiceMandate(
  ctx: TenantContext,
  customerId: string,
  mandateReference: string,
): Promise<DirectDebitMandate | null> {
  const candidates = await activeMandatesOfCustomers(ctx.tx, ctx.tenantId, [customerId], false);
  const mandate = candidates.find((candidate) => candidate.mandateId === mandateReference);
  if (!mandate || !canCollectOn(mandate, amsterdamDate())) return null;
  return { mandateReference: mandate.mandateId, debtorIban: mandate.iban! };
}
