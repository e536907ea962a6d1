import { AppError } from '../../kernel/errors/app-error.ts';

/** Error codes of subscriptions and their HTTP status (the code is also the translation key). */
export const SUBSCRIPTIONS_ERRORS: Record<string, number> = {
  subscription_not_found: 404,
  /** Nothing more happens to a subscription after its end date. */
  subscription_ended: 409,
  /** The customer's notice period has not run out by the chosen end date (field `end_date`). */
  notice_period_not_met: 409,
};

const fieldError = (field: string, code: string, detail?: string, params?: Record<string, string>) =>
  new AppError('validation_failed', {
    ...(detail ? { detail } : {}),
    fields: [{ field, code, message: code, ...(params ? { params } : {}) }],
  });

export const subscriptionNotFound = () => new AppError('subscription_not_found');
export const subscriptionEnded = () =>
  new AppError('subscription_ended', { detail: 'This subscription has ended; nothing more can change.' });
export const noticePeriodNotMet = (earliest: string) =>
  new AppError('notice_period_not_met', {
    detail: `With the notice period the earliest end date is ${earliest}.`,
    params: { date: earliest },
    fields: [{ field: 'end_date', code: 'notice_period_not_met', message: earliest, params: { date: earliest } }],
  });
export const customerNotFound = () => fieldError('customer_id', 'customer_not_found');
export const mandateNotUsable = () => fieldError('mandate_id', 'mandate_not_usable');
export const invoiceDateRuleNotAllowed = () => fieldError('invoice_date_rule', 'invoice_date_rule_not_allowed');
export const changeDateTooEarly = (earliest: string) =>
  fieldError('effective_date', 'change_date_too_early', `A change can apply from ${earliest} on.`, { date: earliest });
export const priceChangeTooSoon = (earliest: string) =>
  fieldError('requested_from', 'price_change_too_soon', `With the notice time the earliest date is ${earliest}.`, {
    date: earliest,
  });
export const lineNotFound = (index: number) => fieldError(`lines.${index}.line_key`, 'line_not_found');
