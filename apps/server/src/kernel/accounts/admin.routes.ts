import { timingSafeEqual } from 'node:crypto';
import { email } from '@clientbox/contracts';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import type { Kernel } from '../kernel.ts';
import { provisionTenant } from './provision-tenant.ts';

export const provisionTenantBody = z.strictObject({
  name: z.string().trim().min(1, { message: 'required' }).max(200),
  email,
  owner_name: z.string().trim().min(1).max(200).optional(),
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
      const given = Buffer.from(String(request.headers['x-admin-token'] ?? ''));
      const expected = Buffer.from(adminToken);
      const isLoopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.ip);
      if (!isLoopback || given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new AppError('not_found');
      return provisionTenant(kernel, { name: body.name, email: body.email, ownerName: body.owner_name });
    },
  });
}
