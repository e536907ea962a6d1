import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleManifest } from '../../kernel/modules/index.ts';
import { subscriptionAdjustmentsExporter } from './archive/subscription-adjustments.export.ts';
import { subscriptionBillingDaysExporter } from './archive/subscription-billing-days.export.ts';
import { subscriptionLinesExporter } from './archive/subscription-lines.export.ts';
import { subscriptionPeriodsExporter } from './archive/subscription-periods.export.ts';
import { subscriptionPriceChangesExporter } from './archive/subscription-price-changes.export.ts';
import { subscriptionSettingsExporter } from './archive/subscription-settings.export.ts';
import { subscriptionsExporter } from './archive/subscriptions.export.ts';
import { defineBillingRunJob } from './jobs/billing-run.job.ts';
import { defineSendPriceNoticeJob } from './jobs/send-price-notice.job.ts';
import { SUBSCRIPTIONS_ERRORS } from './subscriptions.errors.ts';
import { registerSubscriptionRoutes } from './subscriptions.routes.ts';
import { startDailyBilling } from './use-cases/start-daily-billing.ts';

/**
 * Subscriptions (Abonnementen): recurring lines per customer, invoiced per period by the billing
 * run — in advance or in arrears, charged by day on changes, with announced price changes and
 * yearly indexation. Invoices are made, issued and sent through the invoices module; direct
 * debit goes through the receivables' mandates and collection batches.
 */
export const subscriptionsModule: ModuleManifest<Kernel> = {
  name: 'subscriptions',
  description: 'Subscriptions: recurring invoicing per period, changes charged by day, price changes, MRR',
  dependsOn: ['company', 'crm', 'products', 'invoices', 'receivables'],
  entitlement: 'subscriptions',
  errors: SUBSCRIPTIONS_ERRORS,
  register: (kernel) => {
    registerSubscriptionRoutes(kernel);
    defineBillingRunJob(kernel);
    defineSendPriceNoticeJob(kernel);
    kernel.daily.register({
      name: 'subscriptions.billing',
      entitlement: 'subscriptions',
      run: (ctx, today) => startDailyBilling(ctx, today, kernel.jobs),
    });
    kernel.exports.register(subscriptionSettingsExporter);
    kernel.exports.register(subscriptionsExporter);
    kernel.exports.register(subscriptionLinesExporter);
    kernel.exports.register(subscriptionPriceChangesExporter);
    kernel.exports.register(subscriptionPeriodsExporter);
    kernel.exports.register(subscriptionAdjustmentsExporter);
    kernel.exports.register(subscriptionBillingDaysExporter);
  },
};
