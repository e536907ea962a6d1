import { amsterdamDate } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { canCollectOn } from '../mandate-validity.ts';
import { findMandate } from '../mandates.repository.ts';

/** A mandate as a subscription that collects by direct debit needs it. */
export interface SubscriptionMandate {
  id: string;
  /** The mandate reference (MndtId) the invoice names. */
  reference: string;
  customerId: string | null;
  /** Signed, not revoked, within 36 months, and recurrent or not used yet. */
  usable: boolean;
  /** Still waiting for the debtor's signature: collections start once it is signed. */
  pending: boolean;
}

/** The mandate with this id, or null (another tenant's id reads as unknown). */
export async function subscriptionMandate(ctx: TenantContext, id: string): Promise<SubscriptionMandate | null> {
  const mandate = await findMandate(ctx.tx, ctx.tenantId, id);
  if (!mandate) return null;
  return {
    id: mandate.id,
    reference: mandate.mandateId,
    customerId: mandate.organizationId ?? mandate.personId,
    usable: canCollectOn(mandate, amsterdamDate()),
    pending: mandate.status === 'pending',
  };
}
