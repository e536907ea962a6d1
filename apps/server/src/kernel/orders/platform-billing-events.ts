import { type BillingPeriod, type ModuleName, type PriceItem } from '@clientbox/contracts';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { tenants } from '../db/schema.ts';
import { writeOutboxEvent } from '../jobs/outbox.ts';
import { getPlatformSetting } from './platform-settings.ts';
import { tenantOwners } from './tenant-owners.ts';

/**
 * The operator bills its tenants as one more tenant of the platform (terms art. 8, 11–15): what
 * happens to a tenant's contract is published as an event *in the operator's billing tenant*,
 * where the billing module turns it into customers, subscriptions and invoices. The kernel knows
 * no module; it only writes these events, in the transaction of the change (outbox), so an
 * event exists exactly when the change commits. Nothing is written while no billing tenant is set.
 */
export const PLATFORM_EVENTS = {
  contractAccepted: 'platform.contract_accepted',
  tenantCancelled: 'platform.tenant_cancelled',
  deactivationScheduled: 'platform.deactivation_scheduled',
  orderCancelled: 'platform.order_cancelled',
} as const;

/** Who the operator invoices: the tenant as a customer. */
export interface PlatformCustomer {
  tenant_id: string;
  name: string;
  customer_type: 'business' | 'private';
  kvk_number: string | null;
  address: { street: string; postal_code: string; city: string; country: string } | null;
  /** The billing e-mail (art. 12), else the first owner's address. */
  email: string | null;
}

export interface PlatformOrderLine {
  item: PriceItem;
  quantity: number;
  /** The agreed price per unit per month, excl. VAT (decimal string). */
  monthly: string;
}

export interface ContractAcceptedEvent {
  customer: PlatformCustomer;
  order: { id: string; modules: ModuleName[]; users: number; period: BillingPeriod; lines: PlatformOrderLine[] };
  /** The day the contract starts (the acceptance), Amsterdam time. */
  accepted_on: string;
}

export interface TenantCancelledEvent {
  customer: PlatformCustomer;
  /** When the cancellation was received, and the day the account is deactivated (≤ 5 working days later). */
  requested_on: string;
  effective_on: string;
}

export interface DeactivationScheduledEvent {
  customer: PlatformCustomer;
  effective_on: string;
  reason: string;
}

export interface OrderCancelledEvent {
  customer: PlatformCustomer;
  order: { id: string; period: BillingPeriod; period_total: string; lines: PlatformOrderLine[] };
  reason: string | null;
}

/** The operator's billing tenant, or null while none is set (then nothing is billed). */
export async function operatorBillingTenant(tx: Tx): Promise<string | null> {
  return getPlatformSetting(tx, 'billing.operator_tenant');
}

export async function platformCustomerOf(tx: Tx, tenantId: string): Promise<PlatformCustomer> {
  const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw new Error(`no tenant ${tenantId}`);
  const owners = tenant.billingEmail ? [] : await tenantOwners(tx, tenantId);
  return {
    tenant_id: tenant.id,
    name: tenant.name,
    customer_type: tenant.customerType,
    kvk_number: tenant.kvkNumber,
    address: tenant.address ?? null,
    email: tenant.billingEmail ?? owners[0]?.email ?? null,
  };
}

/**
 * Writes a platform event into the operator's billing tenant. Runs on the owner connection (the
 * kernel's lifecycle transactions), whose `outbox_dispatcher` policy allows writing for another
 * tenant; the operator's own tenant is never billed by itself.
 */
export async function publishPlatformEvent(tx: Tx, subjectTenantId: string, type: string, payload: object) {
  const operatorTenantId = await operatorBillingTenant(tx);
  if (!operatorTenantId || operatorTenantId === subjectTenantId) return;
  await writeOutboxEvent(tx, operatorTenantId, type, payload);
}
