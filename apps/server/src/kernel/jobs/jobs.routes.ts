import { job } from '@clientbox/contracts';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import type { Kernel } from '../kernel.ts';

export function registerJobRoutes(kernel: Kernel): void {
  kernel.route({
    method: 'GET',
    url: '/api/v1/jobs/:id',
    access: 'tenant',
    // A locked tenant's export runs as a job (terms art. 17): its progress must stay readable.
    availableWhenLocked: 'export',
    tags: ['Jobs'],
    summary: 'A background job: its state, progress and, when finished, its result or error',
    params: z.strictObject({ id: z.uuid({ message: 'invalid_id' }) }),
    response: { status: 200, schema: job },
    handler: async ({ ctx, params }) => {
      // Row-level security hides other tenants' runs, so theirs are "not found" like missing ones.
      const run = await kernel.jobs.getJobRun(ctx.tx, ctx.tenantId, params.id);
      if (!run) throw new AppError('not_found');
      return run;
    },
  });
}
