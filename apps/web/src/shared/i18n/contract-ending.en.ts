import type { contractEndingNl } from './contract-ending.nl.ts';

/** Ending a contract and the operator's billing in English: the same keys as `contract-ending.nl.ts`. */
export const contractEndingEn: Record<keyof typeof contractEndingNl, string> = {
  'order.cancel_action': 'Cancel subscription',
  'order.cancel_title': 'Cancel subscription',
  'order.cancel_text':
    'After you cancel, your account is deactivated within five working days. Until then everything works as it does now.',
  'order.cancel_export':
    'You can still export your data afterwards under Export data. Do it in time if you want to keep it.',
  'order.cancel_invoice': 'An invoice already sent stays due and still has to be paid.',
  'order.cancel_reason': 'Reason (optional)',
  'order.cancel_confirm': 'Yes, cancel',
  'order.cancelled': 'Your subscription has been cancelled. Your account will be deactivated on {date}.',
  'order.deactivation_title': 'Subscription cancelled',
  'order.deactivation_text':
    'Your account will be deactivated on {date}. Until then you can keep working; export stays possible afterwards too.',
  'order.deactivation_export': 'Export data',
  'error.contract_already_ending': 'This account has been cancelled or is being deactivated already',
  'error.cancellation_not_confirmed': 'Confirm that you want to cancel the subscription',
  'console.tenants.register_cancellation': 'Register cancellation (e-mail received)',
  'console.tenants.register_cancellation_text':
    '{tenant} cancelled by e-mail. The account is deactivated within five working days of receipt; the owner gets a confirmation.',
  'console.tenants.received_on': 'Received on',
  'console.tenants.cancellation_registered': "{tenant}'s cancellation is registered: deactivated on {date}.",
  'console.tenants.cancellation_conflict': 'This account has been cancelled or is being deactivated already.',
  'console.orders.cancel': 'Cancel order (art. 14)',
  'console.orders.cancel_text':
    "{tenant}'s order is withdrawn before delivery. Under article 14, 10% of the price for the ordered period is invoiced.",
  'console.orders.cancelled': "{tenant}'s order is cancelled; 10% is invoiced.",
  'console.billing.title': 'Billing the customers',
  'console.billing.text':
    "The account from which the platform's customers are billed: every accepted order becomes a subscription there, with its first invoice at once.",
  'console.billing.tenant': 'Bill from',
  'console.billing.none': 'Do not bill',
  'console.billing.search': 'Search an account',
  'console.billing.saved': 'Customers are now billed from {tenant}.',
  'console.billing.saved_none': 'Customers are no longer billed.',
  'console.billing.current': 'Now: {tenant}',
  'error.tenant_not_found': 'This account does not exist',
};
