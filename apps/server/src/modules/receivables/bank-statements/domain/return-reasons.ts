/**
 * What a returned direct debit (R-transaction) asks of us, by its reason code (domain rules §5.5
 * table). Every return reopens the invoice; some codes also mean the mandate can no longer be
 * used.
 */
export type ReturnAction = 'retry_once' | 'contact_customer' | 'block_mandate';

const ACTIONS: Record<string, ReturnAction> = {
  AM04: 'retry_once',
  MS03: 'retry_once',
  MD06: 'contact_customer',
  MS02: 'contact_customer',
  MD01: 'block_mandate',
  AC01: 'block_mandate',
  AC04: 'block_mandate',
  AC06: 'block_mandate',
  AG01: 'block_mandate',
  SL01: 'block_mandate',
  MD07: 'block_mandate',
};

/** Unknown codes are handled by a person, like a refusal. */
export function returnAction(code: string): ReturnAction {
  return ACTIONS[code.toUpperCase()] ?? 'contact_customer';
}
