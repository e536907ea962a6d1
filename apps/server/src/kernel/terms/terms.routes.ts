import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import type { Kernel } from '../kernel.ts';
import { acceptTerms, termsInForce, termsStatus } from './terms.ts';

const termsSummary = z.object({ version: z.string(), effective_from: z.string() });
const status = z.object({
  current: termsSummary.nullable(),
  upcoming: termsSummary.nullable(),
  accepted: z.object({ version: z.string(), accepted_at: z.string(), accepted_by: z.string().nullable() }).nullable(),
  needs_acceptance: z.boolean(),
});

export function registerTermsRoutes(kernel: Kernel): void {
  kernel.route({
    method: 'GET',
    url: '/api/v1/public/terms',
    access: 'public',
    tags: ['Terms'],
    summary: 'The general terms in force (public)',
    response: { status: 200, schema: termsSummary.extend({ body: z.string() }) },
    handler: async () => {
      const current = await termsInForce(kernel.database.owner);
      if (!current) throw new AppError('not_found');
      return { version: current.version, effective_from: current.effectiveFrom, body: current.body };
    },
  });
  kernel.route({
    method: 'GET',
    url: '/api/v1/terms/status',
    access: 'tenant',
    availableWhenLocked: 'order',
    tags: ['Terms'],
    summary: 'The terms in force, a coming version and what this tenant accepted',
    response: { status: 200, schema: status },
    handler: ({ ctx }) => termsStatus(ctx),
  });
  kernel.route({
    method: 'POST',
    url: '/api/v1/terms/accept',
    access: 'tenant',
    minimumRole: 'owner',
    availableWhenLocked: 'order',
    tags: ['Terms'],
    summary: 'Accept a terms version for the tenant (owner only)',
    body: z.strictObject({ version: z.string().min(1).max(40) }),
    response: { status: 200, schema: status },
    handler: ({ ctx, body }) => acceptTerms(ctx, body.version),
  });
}
