import { readFileSync } from 'node:fs';
import { publicConfig } from '@clientbox/contracts';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { AppError } from '../errors/app-error.ts';
import type { Kernel } from '../kernel.ts';
import { MIGRATIONS_FOLDER } from '../db/migrations-folder.ts';

const devClock = z.strictObject({
  offset_days: z.number({ message: 'invalid_number' }).int({ message: 'invalid_number' }).min(0).max(3650),
});

const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };

/** Liveness, readiness, public settings and the development mail outbox. */
export function registerSystemRoutes(kernel: Kernel): void {
  const { app, database, mailer, config } = kernel;

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    try {
      const rows = await database.owner.execute(sql`SELECT count(*)::int AS applied FROM drizzle.__drizzle_migrations`);
      const applied = Number((rows as unknown as { rows: { applied: number }[] }).rows[0]?.applied ?? 0);
      if (applied < journal.entries.length) {
        return reply.code(503).send({ status: 'migrating', applied, expected: journal.entries.length });
      }
      return { status: 'ready', database: database.kind, migrations: applied };
    } catch (error) {
      app.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'database_unreachable' });
    }
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/public/config',
    access: 'public',
    tags: ['System'],
    summary: 'Settings the web app needs before login',
    response: { status: 200, schema: publicConfig },
    handler: async () => ({ dev_outbox: mailer.mode === 'outbox', base_url: config.publicBaseUrl }),
  });

  // Only without SMTP: mail then stays on this machine, and this is the way to read it.
  kernel.route({
    method: 'GET',
    url: '/api/v1/dev/outbox',
    access: 'public',
    tags: ['System'],
    summary: 'Development mail outbox (only when no SMTP server is configured)',
    hidden: true,
    response: { status: 200 },
    handler: async () => {
      if (mailer.mode !== 'outbox') throw new AppError('not_found');
      return { object: 'list', data: await mailer.listOutbox(), has_more: false };
    },
  });

  // Tests and demos (CLOCK_ADJUSTABLE=true): move the scheduled work's day, then run the daily
  // tasks for that day, as the process would at the next tick. Not found on a real installation.
  kernel.route({
    method: 'PUT',
    url: '/api/v1/dev/clock',
    access: 'public',
    tags: ['System'],
    summary: 'Move the clock of scheduled work (only with CLOCK_ADJUSTABLE=true)',
    hidden: true,
    body: devClock,
    response: { status: 200 },
    handler: async ({ body }) => {
      if (!kernel.clock.isAdjustable) throw new AppError('not_found');
      kernel.clock.setOffsetDays(body.offset_days);
      const { failures } = await kernel.daily.runAll(kernel.clock.today());
      return { offset_days: kernel.clock.offsetDays, today: kernel.clock.today(), failed_tasks: failures.length };
    },
  });
}
