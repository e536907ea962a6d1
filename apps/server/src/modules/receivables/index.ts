/** Public surface of the receivables module for modules that declare it in `dependsOn`. */
export { receivablesModule } from './module.ts';
/** Subscriptions that collect by direct debit check and name their mandate with it. */
export { type SubscriptionMandate, subscriptionMandate } from './mandates/use-cases/subscription-mandate.ts';
