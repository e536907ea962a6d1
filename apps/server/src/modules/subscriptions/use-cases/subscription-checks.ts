import { ADVANCE_RULES, type BillingTiming, type InvoiceDateRule } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { subscriptionMandate } from '../../receivables/index.ts';
import { invoiceDateRuleNotAllowed, mandateNotUsable } from '../subscriptions.errors.ts';

/** The rule a subscription gets when none is given: the first day (advance) or the day after (arrears). */
export function invoiceDateRuleFor(billing: BillingTiming, rule: InvoiceDateRule | undefined): InvoiceDateRule {
  const chosen = rule ?? (billing === 'advance' ? 'first_day' : 'day_after');
  if (ADVANCE_RULES.includes(chosen) !== (billing === 'advance')) throw invoiceDateRuleNotAllowed();
  return chosen;
}

/**
 * A direct-debit subscription needs a mandate of the same customer that is signed and usable, or
 * still waiting for its signature (collections start once signed); a revoked or foreign one is
 * refused. Returns the mandate id to store (none for a transfer).
 */
export async function checkedMandateId(
  ctx: TenantContext,
  customerId: string,
  paymentMethod: 'transfer' | 'direct_debit',
  mandateId: string | null,
): Promise<string | null> {
  if (paymentMethod === 'transfer') return null;
  const mandate = mandateId ? await subscriptionMandate(ctx, mandateId) : null;
  if (!mandate || mandate.customerId !== customerId || !(mandate.usable || mandate.pending)) throw mandateNotUsable();
  return mandate.id;
}
