import {
  billingRunPreview,
  billingRunStarted,
  cancelSubscription as cancelSubscriptionSchema,
  changeSubscription as changeSubscriptionSchema,
  createPriceChange,
  createSubscription as createSubscriptionSchema,
  indexationResult,
  indexSubscriptions as indexSubscriptionsSchema,
  listOf,
  startBillingRun,
  subscription,
  subscriptionChangePreview,
  subscriptionListQuery,
  subscriptionMetrics as subscriptionMetricsSchema,
  subscriptionSettings,
  upcomingQuery,
  updateSubscription as updateSubscriptionSchema,
  updateSubscriptionSettings,
} from '@clientbox/contracts';
import { z } from 'zod';
import { expectedVersion } from '../../kernel/http/if-match.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { announceSubscriptionPriceChange } from './use-cases/announce-price-change.ts';
import { cancelSubscription } from './use-cases/cancel-subscription.ts';
import { changeSubscription, previewSubscriptionChange } from './use-cases/change-subscription.ts';
import { createSubscription } from './use-cases/create-subscription.ts';
import { indexSubscriptions } from './use-cases/index-subscriptions.ts';
import { getSubscription, listSubscriptions } from './use-cases/list-subscriptions.ts';
import { startBillingRunNow } from './use-cases/start-billing-run.ts';
import { previewBilling } from './use-cases/run-billing.ts';
import { subscriptionMetrics } from './use-cases/subscription-metrics.ts';
import { getSubscriptionSettings, updateSubscriptionSettingsOf } from './use-cases/subscription-settings.ts';
import { upcomingInvoices } from './use-cases/upcoming-invoices.ts';
import { updateSubscription } from './use-cases/update-subscription.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });

/** Subscriptions: the contracts, their changes and price changes, the billing run and the figures. */
export function registerSubscriptionRoutes(kernel: Kernel): void {
  const today = () => kernel.clock.today();
  const deps = { storage: kernel.storage, jobs: kernel.jobs };

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'GET',
    url: '/api/v1/subscriptions',
    summary: 'Subscriptions, newest first, cursor-paged; filters customer_id, status and q (name or customer)',
    query: subscriptionListQuery,
    response: { status: 200, schema: listOf(subscription) },
    handler: ({ ctx, query }) => listSubscriptions(ctx, query, today()),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'POST',
    url: '/api/v1/subscriptions',
    summary: 'A new subscription: customer, lines, period, billing in advance or arrears, payment',
    body: createSubscriptionSchema,
    response: { status: 201, schema: subscription },
    handler: async ({ ctx, body, reply }) => {
      const created = await createSubscription(ctx, body, today());
      reply.header('etag', `"${created.version}"`).header('location', `/api/v1/subscriptions/${created.id}`);
      return created;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'GET',
    url: '/api/v1/subscriptions/upcoming',
    summary: 'The invoices the coming days will bring (default 30), per customer and invoice day',
    query: upcomingQuery,
    response: { status: 200, schema: billingRunPreview },
    handler: ({ ctx, query }) => upcomingInvoices(ctx, today(), query.days),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'GET',
    url: '/api/v1/subscriptions/metrics',
    summary: 'MRR, ARR, churn over 30 days and the last 12 months',
    response: { status: 200, schema: subscriptionMetricsSchema },
    handler: ({ ctx }) => subscriptionMetrics(ctx, today()),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'POST',
    url: '/api/v1/subscriptions/indexation',
    summary:
      'Raise the prices of all (or the chosen) running subscriptions by a percentage, announced to each customer',
    body: indexSubscriptionsSchema,
    response: { status: 200, schema: indexationResult },
    handler: ({ ctx, body }) => indexSubscriptions(ctx, body, today(), { jobs: kernel.jobs }),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'GET',
    url: '/api/v1/subscriptions/:id',
    summary: 'One subscription with its lines, next period, invoiced periods and announced prices',
    params: idParams,
    response: { status: 200, schema: subscription },
    handler: async ({ ctx, params, reply }) => {
      const found = await getSubscription(ctx, params.id, today());
      reply.header('etag', `"${found.version}"`);
      return found;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'PATCH',
    url: '/api/v1/subscriptions/:id',
    summary: 'Change what does not touch the price (name, payment, invoice day); If-Match with the version',
    params: idParams,
    body: updateSubscriptionSchema,
    response: { status: 200, schema: subscription },
    errors: [412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const version = expectedVersion(request.headers['if-match']) ?? undefined;
      const updated = await updateSubscription(ctx, params.id, body, today(), version);
      reply.header('etag', `"${updated.version}"`);
      return updated;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'POST',
    url: '/api/v1/subscriptions/:id/changes/preview',
    summary: 'What a change of lines would charge or credit for days already invoiced (nothing is saved)',
    params: idParams,
    body: changeSubscriptionSchema,
    response: { status: 200, schema: subscriptionChangePreview },
    errors: [409],
    handler: ({ ctx, params, body }) => previewSubscriptionChange(ctx, params.id, body, today()),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'POST',
    url: '/api/v1/subscriptions/:id/changes',
    summary: 'Change the lines from a day on, charged by day (differences billed by the next run)',
    params: idParams,
    body: changeSubscriptionSchema,
    response: { status: 200, schema: subscription },
    errors: [409],
    handler: ({ ctx, params, body }) => changeSubscription(ctx, params.id, body, today()),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'POST',
    url: '/api/v1/subscriptions/:id/cancel',
    summary: 'End the subscription at the end of a period or on a date; an invoice already issued stays due',
    params: idParams,
    body: cancelSubscriptionSchema,
    response: { status: 200, schema: subscription },
    errors: [409],
    handler: ({ ctx, params, body }) => cancelSubscription(ctx, params.id, body, today()),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'POST',
    url: '/api/v1/subscriptions/:id/price_changes',
    summary: 'Announce new prices from a day on; the customer is e-mailed at once (notice time from the settings)',
    params: idParams,
    body: createPriceChange,
    response: { status: 200, schema: subscription },
    errors: [409],
    handler: ({ ctx, params, body }) =>
      announceSubscriptionPriceChange(ctx, params.id, body, today(), { jobs: kernel.jobs }),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'GET',
    url: '/api/v1/subscription_settings',
    summary: 'Notice time of price changes and whether the daily billing run invoices by itself',
    response: { status: 200, schema: subscriptionSettings },
    handler: ({ ctx }) => getSubscriptionSettings(ctx),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'PATCH',
    url: '/api/v1/subscription_settings',
    summary: 'Change the notice time of price changes or the billing mode (automatic or by hand)',
    body: updateSubscriptionSettings,
    response: { status: 200, schema: subscriptionSettings },
    handler: ({ ctx, body }) => updateSubscriptionSettingsOf(ctx, body),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'subscriptions',
    tags: ['Subscriptions'],
    method: 'POST',
    url: '/api/v1/subscription_billing_runs',
    summary:
      'Bill what is due today: dry_run answers what would be invoiced; otherwise the run starts as a job (GET /api/v1/jobs/{job_id})',
    body: startBillingRun.default({ dry_run: false }),
    response: { status: 200, alsoStatus: 202, schema: z.union([billingRunPreview, billingRunStarted]) },
    handler: async ({ ctx, body, reply }) => {
      if (body.dry_run) return previewBilling(ctx, today(), deps);
      const started = await startBillingRunNow(ctx, today(), kernel.jobs);
      reply.code(202).header('location', `/api/v1/jobs/${started.job_id}`);
      return started;
    },
  });
}
