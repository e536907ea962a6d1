/** Public surface of the receivables module for modules that declare it in `dependsOn`. */
export { receivablesModule } from './module.ts';
/** Subscriptions that collect by direct debit check and name their mandate with it. */
export { type SubscriptionMandate, subscriptionMandate } from './mandates/use-cases/subscription-mandate.ts';
/** A final notice sent (an event), and the invoices that keep a customer in arrears after one (terms art. 13). */
export { FINAL_NOTICE_SENT, type FinalNoticeSentEvent } from './reminders/reminder-events.ts';
export { unpaidFinalNotices } from './reminders/use-cases/unpaid-final-notices.ts';
