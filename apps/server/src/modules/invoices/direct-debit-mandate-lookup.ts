import type { TenantContext } from '../../kernel/tenancy/tenant-context.ts';

/** What an invoice paid by direct debit states about its mandate (UBL BT-89 and BT-91, the e-mail). */
export interface DirectDebitMandate {
  mandateReference: string;
  debtorIban: string;
}

/**
 * Finds the customer's usable mandate with this reference. Mandates belong to receivables, which
 * depends on invoices, so invoices cannot import it: receivables registers this lookup when it
 * starts. Without it (receivables not loaded) a direct-debit invoice cannot be issued.
 */
export type DirectDebitMandateLookup = (
  ctx: TenantContext,
  customerId: string,
  mandateReference: string,
) => Promise<DirectDebitMandate | null>;

// One per process: the lookup reads through the caller's tenant transaction, so it holds no state.
let lookup: DirectDebitMandateLookup | null = null;

export function registerDirectDebitMandateLookup(registered: DirectDebitMandateLookup): void {
  lookup = registered;
}

export async function directDebitMandate(
  ctx: TenantContext,
  customerId: string,
  mandateReference: string,
): Promise<DirectDebitMandate | null> {
  return lookup ? lookup(ctx, customerId, mandateReference) : null;
}
