/** Public surface of the subscriptions module for modules that declare it in `dependsOn`. */
export { subscriptionsModule } from './module.ts';
/** The operator's billing makes and changes its tenants' subscriptions with the same use cases as the API. */
export { createSubscription } from './use-cases/create-subscription.ts';
export { changeSubscription } from './use-cases/change-subscription.ts';
export { cancelSubscription } from './use-cases/cancel-subscription.ts';
export {
  billSubscriptionsNow,
  runningSubscriptionOfPlatformTenant,
  subscriptionsOfPlatformTenant,
} from './use-cases/platform-subscriptions.ts';
