import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import type { PlatformCustomer } from '../../../kernel/orders/platform-billing-events.ts';
import { createOrganization, createPerson, getCustomerForDocument } from '../../crm/index.ts';
import { findPlatformCustomer, linkPlatformCustomer } from '../operator-billing.repository.ts';

/** Art. 13: invoices to tenants are due in 14 calendar days. */
export const PLATFORM_PAYMENT_TERM_DAYS = 14;

/**
 * The tenant as a customer of the operator: found by the link kept in `platform_customers`, or
 * entered in the CRM the first time (a business as an organization with its KvK number, a private
 * customer as a person, so the consumer rules of late payment apply, art. 4), with the billing
 * e-mail as the address its invoices go to (art. 12). Returns the CRM id.
 */
export async function ensurePlatformCustomer(ctx: TenantContext, customer: PlatformCustomer): Promise<string> {
  const known = await findPlatformCustomer(ctx.tx, ctx.tenantId, customer.tenant_id);
  const knownId = known?.organizationId ?? known?.personId ?? null;
  if (knownId && (await getCustomerForDocument(ctx, knownId))) return knownId;
  const addresses = customer.address ? [{ type: 'invoice' as const, ...customer.address }] : [];
  const emails = customer.email ? [{ address: customer.email, label: null }] : [];
  const created =
    customer.customer_type === 'business'
      ? await createOrganization(ctx, {
          name: customer.name,
          is_customer: true,
          payment_term_days: PLATFORM_PAYMENT_TERM_DAYS,
          ...(customer.kvk_number ? { kvk_number: customer.kvk_number } : {}),
          ...(customer.email ? { invoice_email: customer.email } : {}),
          emails,
          addresses,
        })
      : await createPerson(ctx, { last_name: customer.name, emails, addresses });
  await linkPlatformCustomer(ctx.tx, {
    tenantId: ctx.tenantId,
    platformTenantId: customer.tenant_id,
    organizationId: customer.customer_type === 'business' ? created.id : null,
    personId: customer.customer_type === 'business' ? null : created.id,
  });
  return created.id;
}
