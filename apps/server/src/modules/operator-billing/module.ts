import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleManifest } from '../../kernel/modules/index.ts';
import { appliedPlatformEventsExporter } from './archive/applied-platform-events.export.ts';
import { platformCustomersExporter } from './archive/platform-customers.export.ts';
import { defineReviewAccessJob } from './jobs/review-access.job.ts';
import { registerPlatformEventSubscribers } from './platform-event-subscribers.ts';

/**
 * The operator's own billing (terms art. 8, 11–15): in the tenant the operator bills from, each
 * tenant of the platform is a customer with a subscription made from its accepted order; changes,
 * cancellations, deactivations and cancelled orders follow the platform's events; a final notice
 * left unpaid suspends the tenant, and the payment lifts it.
 */
export const operatorBillingModule: ModuleManifest<Kernel> = {
  name: 'operator-billing',
  description: "The operator's billing of its tenants: contracts as subscriptions, suspension on arrears",
  dependsOn: ['company', 'crm', 'invoices', 'receivables', 'subscriptions'],
  entitlement: 'subscriptions',
  errors: {},
  register: (kernel) => {
    registerPlatformEventSubscribers(kernel);
    defineReviewAccessJob(kernel);
    kernel.exports.register(platformCustomersExporter);
    kernel.exports.register(appliedPlatformEventsExporter);
  },
};
