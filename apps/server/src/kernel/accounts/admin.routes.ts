import { timingSafeEqual } from 'node:crypto';
import { email, moduleName, publishTerms } from '@clientbox/contracts';
import { changeTenantState } from '../entitlements/change-tenant-state.ts';
import { publishTermsVersion } from '../terms/terms.ts';
import { createOperatorUser } from '../operator/operator-staff.ts';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import type { Kernel } from '../kernel.ts';
import { provisionTenant } from './provision-tenant.ts';

export const provisionTenantBody = z.strictObject({
  name: z.string().trim().min(1, { message: 'required' }).max(200),
  email,
  owner_name: z.string().trim().min(1).max(200).optional(),
  modules: z.union([z.literal('all'), z.array(moduleName).min(1)]).optional(),
  seats: z.number().int().min(1).max(10_000).optional(),
});

/** The same contract as the console's publish form. */
export const publishTermsBody = publishTerms;

export const createOperatorBody = z.strictObject({
  email,
  name: z.string().trim().min(1, { message: 'required' }).max(200),
  password: z.string().min(12, { message: 'password_too_short' }).max(200),
  role: z.enum(['admin', 'support']).default('support'),
});

export const stateChangeParams = z.strictObject({
  id: z.uuid({ message: 'invalid_id' }),
  change: z.enum(['expire_demo', 'suspend', 'reactivate', 'deactivate']),
});

/**
 * The operator CLI's way in while the server holds the embedded database: loopback only, and a
 * token that only a process able to read DATA_DIR/embedded.lock knows.
 */
export function registerAdminRoutes(kernel: Kernel, adminToken: string): void {
  kernel.route({
    method: 'POST',
    url: '/internal/admin/tenants',
    access: 'public',
    hidden: true,
    tags: ['Operator'],
    summary: 'Provision a tenant (operator CLI)',
    body: provisionTenantBody,
    response: { status: 201 },
    handler: async ({ body, request }) => {
      assertOperator(request);
      return provisionTenant(kernel, {
        name: body.name,
        email: body.email,
        ownerName: body.owner_name,
        modules: body.modules,
        seats: body.seats,
      });
    },
  });

  kernel.route({
    method: 'POST',
    url: '/internal/admin/tenants/:id/:change',
    access: 'public',
    hidden: true,
    tags: ['Operator'],
    summary: "Change a tenant's lifecycle state (operator CLI)",
    params: stateChangeParams,
    response: { status: 200 },
    handler: async ({ params, request }) => {
      assertOperator(request);
      const access = await changeTenantState(kernel.database, params.id, params.change);
      kernel.tenantAccess.forget(params.id);
      return access;
    },
  });

  kernel.route({
    method: 'POST',
    url: '/internal/admin/terms',
    access: 'public',
    hidden: true,
    tags: ['Operator'],
    summary: 'Publish a terms version (operator CLI)',
    body: publishTermsBody,
    response: { status: 201 },
    bodyLimit: 1024 * 1024,
    handler: async ({ body, request }) => {
      assertOperator(request);
      return publishTermsVersion(kernel.database.owner, {
        version: body.version,
        effectiveFrom: body.effective_from,
        body: body.body,
      });
    },
  });

  kernel.route({
    method: 'POST',
    url: '/internal/admin/operators',
    access: 'public',
    hidden: true,
    tags: ['Operator'],
    summary: 'Create an operator staff member (operator CLI)',
    body: createOperatorBody,
    response: { status: 201 },
    handler: async ({ body, request }) => {
      assertOperator(request);
      return createOperatorUser({ db: kernel.database.owner, auth: kernel.auth }, body);
    },
  });

  function assertOperator(request: { headers: Record<string, unknown>; ip: string }): void {
    const given = Buffer.from(String(request.headers['x-admin-token'] ?? ''));
    const expected = Buffer.from(adminToken);
    const isLoopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.ip);
    if (!isLoopback || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError('not_found');
    }
  }
}
