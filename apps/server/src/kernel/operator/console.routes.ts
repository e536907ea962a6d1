import {
  addPrice,
  announcement,
  announcementResult,
  deactivateTenant,
  decideOrder as decideOrderBody,
  extendDemo as extendDemoBody,
  formatAmount,
  operatorTenantList,
  platformSettings,
  reviewQueueItem,
  updatePlatformSettings,
} from '@clientbox/contracts';
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { publishTermsBody } from '../accounts/admin.routes.ts';
import { announcements, priceList, tenantOrders, tenants, termsVersions } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { formatDate } from './format-date.ts';
import type { Kernel } from '../kernel.ts';
import { decideOrder } from '../orders/decide-order.ts';
import { sendOrderMails } from '../orders/order-mails.ts';
import { toOrderDto } from '../orders/order-dto.ts';
import { consoleSettingsOf, setPlatformSetting } from '../orders/platform-settings.ts';
import { tenantOwners } from '../orders/tenant-owners.ts';
import { listMyActiveGrants } from '../support/support-grants.ts';
import { publishTermsVersion } from '../terms/terms.ts';
import { announceTermsVersion } from './announce-terms.ts';
import { listConsoleTenants } from './console-tenants.ts';
import type { NewsletterLinks } from './newsletter-links.ts';
import type { OperatorSessions } from './operator-sessions.ts';
import { addPriceChange } from './price-changes.ts';
import { requireOperator } from './require-operator.ts';
import { sendAnnouncement } from './send-announcement.ts';
import { extendDemo, reactivateTenant, scheduleDeactivation } from './tenant-actions.ts';

const tenantParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });
const orderParams = z.strictObject({
  tenantId: z.uuid({ message: 'invalid_id' }),
  orderId: z.uuid({ message: 'invalid_id' }),
});
const tags = ['Operator console'];

/**
 * The operator console (a realm of its own): platform data only — tenants, orders, prices,
 * terms, announcements. Tenant content is reached only through a tenant's support grant.
 */
export function registerConsoleRoutes(kernel: Kernel, sessions: OperatorSessions, links: NewsletterLinks): void {
  const db = kernel.database.owner;
  const meta = (request: { id: string; ip: string; headers: Record<string, unknown> }) => ({
    requestId: request.id,
    ip: request.ip,
    userAgent: (request.headers['user-agent'] as string | undefined) ?? null,
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/operator/tenants',
    access: 'public',
    tags,
    summary: 'Tenants with state, contract, seats, users and last activity',
    query: z.strictObject({ search: z.string().trim().max(100).optional() }),
    response: { status: 200, schema: operatorTenantList },
    handler: async ({ request, query }) => {
      await requireOperator(sessions, request);
      return { data: await listConsoleTenants(db, query.search) };
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/operator/tenants/:id/extend-demo',
    access: 'public',
    tags,
    summary: 'Give a demo more days (also an expired demo without an order)',
    params: tenantParams,
    body: extendDemoBody,
    response: { status: 200 },
    handler: async ({ request, params, body }) => {
      const operator = await requireOperator(sessions, request, 'admin');
      const result = await extendDemo(kernel.database, {
        tenantId: params.id,
        operator,
        meta: meta(request),
        days: body.days,
      });
      kernel.tenantAccess.forget(params.id);
      return { demo_ends_at: result.demoEndsAt.toISOString() };
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/operator/tenants/:id/deactivate',
    access: 'public',
    tags,
    summary: 'Deactivate a tenant with a reason, five days after the notice e-mail (art. 15)',
    params: tenantParams,
    body: deactivateTenant,
    response: { status: 200 },
    handler: async ({ request, params, body }) => {
      const operator = await requireOperator(sessions, request, 'admin');
      const scheduled = await scheduleDeactivation(kernel.database, {
        tenantId: params.id,
        operator,
        meta: meta(request),
        reason: body.reason,
      });
      kernel.tenantAccess.forget(params.id);
      for (const owner of await tenantOwners(db, params.id)) {
        await kernel.sendMail(owner.email, owner.locale, 'deactivation_notice', {
          name: owner.name,
          tenant_name: owner.tenantName,
          reason: body.reason,
          date: formatDate(scheduled.dueAt, owner.locale),
          url: `${kernel.config.publicBaseUrl}/settings/export`,
        });
      }
      return { deactivation_due_at: scheduled.dueAt.toISOString() };
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/operator/tenants/:id/reactivate',
    access: 'public',
    tags,
    summary: 'Reactivate a tenant, or call off a deactivation still to come (art. 15)',
    params: tenantParams,
    response: { status: 204 },
    handler: async ({ request, params }) => {
      const operator = await requireOperator(sessions, request, 'admin');
      await reactivateTenant(kernel.database, { tenantId: params.id, operator, meta: meta(request) });
      kernel.tenantAccess.forget(params.id);
    },
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/operator/orders',
    access: 'public',
    tags,
    summary: 'The review queue: orders waiting for acceptance, oldest first (art. 6)',
    response: { status: 200, schema: z.object({ data: z.array(reviewQueueItem) }) },
    handler: async ({ request }) => {
      await requireOperator(sessions, request);
      const rows = await db
        .select({ order: tenantOrders, tenantName: tenants.name })
        .from(tenantOrders)
        .innerJoin(tenants, eq(tenants.id, tenantOrders.tenantId))
        .where(eq(tenantOrders.status, 'pending'))
        .orderBy(asc(tenantOrders.placedAt));
      return {
        data: rows.map((row) => ({
          ...toOrderDto(row.order),
          tenant_id: row.order.tenantId,
          tenant_name: row.tenantName,
        })),
      };
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/operator/orders/:tenantId/:orderId/decision',
    access: 'public',
    tags,
    summary: 'Accept an order, or refuse it with a reason; the tenant is told by e-mail',
    params: orderParams,
    body: decideOrderBody,
    response: { status: 200 },
    handler: async ({ request, params, body }) => {
      const operator = await requireOperator(sessions, request, 'admin');
      const decided = await decideOrder(kernel.database, {
        tenantId: params.tenantId,
        orderId: params.orderId,
        decision: body.decision,
        reason: body.reason,
        operator,
        meta: meta(request),
      });
      kernel.tenantAccess.forget(params.tenantId);
      await sendOrderMails(kernel, decided);
      return toOrderDto(decided);
    },
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/operator/settings',
    access: 'public',
    tags,
    summary: 'Platform switches',
    response: { status: 200, schema: platformSettings },
    handler: async ({ request }) => {
      await requireOperator(sessions, request);
      return consoleSettingsOf(db);
    },
  });

  kernel.route({
    method: 'PATCH',
    url: '/api/v1/operator/settings',
    access: 'public',
    tags,
    summary: 'Switch the order review queue on or off; choose the tenant in which the operator bills its tenants',
    body: updatePlatformSettings,
    response: { status: 200, schema: platformSettings },
    handler: async ({ request, body }) => {
      await requireOperator(sessions, request, 'admin');
      if (body.review_queue !== undefined) await setPlatformSetting(db, 'orders.review_queue', body.review_queue);
      if (body.billing_tenant_id !== undefined) {
        if (body.billing_tenant_id !== null) {
          const [tenant] = await db
            .select({ id: tenants.id })
            .from(tenants)
            .where(eq(tenants.id, body.billing_tenant_id));
          if (!tenant)
            throw new AppError('validation_failed', {
              fields: [{ field: 'billing_tenant_id', code: 'tenant_not_found', message: 'tenant_not_found' }],
            });
        }
        await setPlatformSetting(db, 'billing.operator_tenant', body.billing_tenant_id);
      }
      return consoleSettingsOf(db);
    },
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/operator/prices',
    access: 'public',
    tags,
    summary: 'Every dated price, also past and future ones',
    response: { status: 200 },
    handler: async ({ request }) => {
      await requireOperator(sessions, request);
      const rows = await db.select().from(priceList).orderBy(asc(priceList.item), desc(priceList.validFrom));
      return {
        data: rows.map((row) => ({
          id: row.id,
          item: row.item,
          monthly: formatAmount(row.monthlyCents),
          valid_from: row.validFrom,
          note: row.note,
        })),
      };
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/operator/prices',
    access: 'public',
    tags,
    summary: 'Add a dated price (at least a month ahead); tenants with the item are told by e-mail (art. 11)',
    body: addPrice,
    response: { status: 201 },
    errors: [409, 422],
    handler: async ({ request, body }) => {
      await requireOperator(sessions, request, 'admin');
      return addPriceChange(kernel, {
        item: body.item,
        monthly: body.monthly,
        validFrom: body.valid_from,
        note: body.note,
      });
    },
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/operator/terms',
    access: 'public',
    tags,
    summary: 'Published terms versions, newest first',
    response: { status: 200 },
    handler: async ({ request }) => {
      await requireOperator(sessions, request);
      const rows = await db
        .select({
          version: termsVersions.version,
          effectiveFrom: termsVersions.effectiveFrom,
          publishedAt: termsVersions.publishedAt,
        })
        .from(termsVersions)
        .orderBy(desc(termsVersions.effectiveFrom));
      return {
        data: rows.map((row) => ({
          version: row.version,
          effective_from: row.effectiveFrom,
          published_at: row.publishedAt.toISOString(),
        })),
      };
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/operator/terms',
    access: 'public',
    tags,
    summary: 'Publish a terms version; every tenant owner is told by e-mail (art. 3)',
    body: publishTermsBody,
    bodyLimit: 1024 * 1024,
    response: { status: 201 },
    handler: async ({ request, body }) => {
      await requireOperator(sessions, request, 'admin');
      const published = await publishTermsVersion(db, {
        version: body.version,
        effectiveFrom: body.effective_from,
        body: body.body,
      });
      const notified = await announceTermsVersion(kernel, published);
      return { ...published, notified_owners: notified };
    },
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/operator/announcements',
    access: 'public',
    tags,
    summary: 'Announcements and newsletters sent, newest first',
    response: { status: 200, schema: z.object({ data: z.array(announcementResult) }) },
    handler: async ({ request }) => {
      await requireOperator(sessions, request);
      const rows = await db.select().from(announcements).orderBy(desc(announcements.createdAt)).limit(100);
      return {
        data: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          subject: row.subject,
          recipient_count: row.recipientCount,
          created_at: row.createdAt.toISOString(),
        })),
      };
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/operator/announcements',
    access: 'public',
    tags,
    summary: 'Send a service message or a newsletter to every tenant user (art. 19)',
    body: announcement,
    response: { status: 201, schema: announcementResult },
    handler: async ({ request, body }) => {
      const operator = await requireOperator(sessions, request, 'admin');
      return sendAnnouncement(kernel, links, body, operator);
    },
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/operator/support-grants',
    access: 'public',
    tags,
    summary: 'Tenants that let the logged-in staff member in right now (art. 16)',
    response: { status: 200 },
    handler: async ({ request }) => {
      const operator = await requireOperator(sessions, request);
      return { data: await listMyActiveGrants(db, operator.id) };
    },
  });
}
