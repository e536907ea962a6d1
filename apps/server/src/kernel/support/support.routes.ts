import { grantSupportAccess as grantBody, reportMisuse, supportGrant, supportStaffMember } from '@clientbox/contracts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAuditEvent } from '../audit/audit-log.ts';
import { tenants } from '../db/schema.ts';
import type { Kernel } from '../kernel.ts';
import { listSupportStaff } from '../operator/operator-staff.ts';
import { grantSupportAccess, listSupportGrants, revokeSupportAccess } from './support-grants.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });

/** Art. 16, the tenant's side: who at the operator can be let in, the grants, and revoking them. */
export function registerSupportRoutes(kernel: Kernel): void {
  kernel.route({
    method: 'GET',
    url: '/api/v1/support/staff',
    access: 'tenant',
    minimumRole: 'admin',
    availableWhenLocked: 'export',
    tags: ['Support access'],
    summary: 'Operator staff who can be granted access to this tenant’s data',
    response: { status: 200, schema: z.object({ data: z.array(supportStaffMember) }) },
    handler: async ({ ctx }) => ({ data: await listSupportStaff(ctx.tx) }),
  });
  kernel.route({
    method: 'POST',
    url: '/api/v1/support/misuse-reports',
    access: 'tenant',
    availableWhenLocked: 'export',
    tags: ['Support access'],
    summary: 'Report misuse of a login to the operator (terms art. 7)',
    body: reportMisuse,
    response: { status: 202 },
    handler: async ({ ctx, body }) => {
      const [tenant] = await ctx.tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, ctx.tenantId));
      await recordAuditEvent(ctx, { action: 'misuse.reported', details: { description: body.description } });
      await kernel.sendMail(kernel.config.operator.support_email, 'nl', 'misuse_report', {
        tenant_name: tenant?.name ?? '',
        tenant_id: ctx.tenantId,
        reporter: ctx.actor.name ?? '',
        description: body.description,
      });
      return { reported: true };
    },
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/support/grants',
    access: 'tenant',
    minimumRole: 'admin',
    availableWhenLocked: 'export',
    tags: ['Support access'],
    summary: 'Support access grants of this tenant, newest first',
    response: { status: 200, schema: z.object({ data: z.array(supportGrant) }) },
    handler: async ({ ctx }) => ({ data: await listSupportGrants(ctx) }),
  });
  kernel.route({
    method: 'POST',
    url: '/api/v1/support/grants',
    access: 'tenant',
    minimumRole: 'admin',
    availableWhenLocked: 'export',
    tags: ['Support access'],
    summary: 'Let one operator staff member into this tenant’s data, for a reason and a time',
    body: grantBody,
    response: { status: 201, schema: supportGrant },
    handler: ({ ctx, body }) => grantSupportAccess(ctx, body),
  });
  kernel.route({
    method: 'DELETE',
    url: '/api/v1/support/grants/:id',
    access: 'tenant',
    minimumRole: 'admin',
    availableWhenLocked: 'export',
    tags: ['Support access'],
    summary: 'Revoke a support access grant at once',
    params: idParams,
    response: { status: 200, schema: supportGrant },
    handler: ({ ctx, params }) => revokeSupportAccess(ctx, params.id),
  });
}
