import type { MandateScheme } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { type CustomerForDocument, getCustomerForDocument } from '../../../crm/index.ts';
import { b2bNeedsOrganization, customerNotFound } from '../mandates.errors.ts';

/** The CRM customer a mandate is for; B2B is for business debtors only (§5.2). */
export async function mandateDebtor(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  customerId: string,
  scheme: MandateScheme,
): Promise<CustomerForDocument> {
  const customer = await getCustomerForDocument(ctx, customerId);
  if (!customer) throw customerNotFound();
  if (scheme === 'B2B' && customer.kind !== 'organization') throw b2bNeedsOrganization();
  return customer;
}

export function debtorColumns(customer: Pick<CustomerForDocument, 'kind' | 'id'>) {
  return customer.kind === 'organization'
    ? { organizationId: customer.id, personId: null }
    : { personId: customer.id, organizationId: null };
}
