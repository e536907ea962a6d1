import { job as jobSchema } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TenantRouteSpec } from '../../http/route-spec.ts';
import type { Kernel } from '../../kernel.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { createJobRunner, type JobLogger, type JobRunner } from '../job-runner.ts';
import { registerJobRoutes } from '../jobs.routes.ts';
import { type JobsTestDatabase, openJobsTestDatabase } from './jobs-test-database.ts';

const kind = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/** A promise the test resolves to let a job handler go on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const silentLogger: JobLogger & { entries: { level: string; message: string }[] } = {
  entries: [],
  info(_details, message) {
    this.entries.push({ level: 'info', message });
  },
  warn(_details, message) {
    this.entries.push({ level: 'warn', message });
  },
  error(_details, message) {
    this.entries.push({ level: 'error', message });
  },
};

describe(`job runner (${kind})`, () => {
  let db: JobsTestDatabase;
  let runner: JobRunner;
  let tenantA: string;
  let tenantB: string;
  const importGates = [gate(), gate(), gate()];
  const calls = { neverRun: 0, flaky: 0, flakySubscriber: 0 };
  const slowGate = gate();
  const slow = { isFinished: false };
  const received: { subscriber: string; tenantId: string; eventId: string; payload: unknown }[] = [];

  const inTenant = <T>(tenantId: string, work: (ctx: Pick<TenantContext, 'tenantId' | 'tx'>) => Promise<T>) =>
    db.database.withTenant(tenantId, (tx) => work({ tenantId, tx }));
  const jobRun = (tenantId: string, id: string) =>
    db.database.withTenant(tenantId, (tx) => runner.getJobRun(tx, tenantId, id));

  beforeAll(async () => {
    db = await openJobsTestDatabase();
    const insertTenant = async (name: string) =>
      (await db.database.query<{ id: string }>('insert into tenants(name) values($1) returning id', [name]))[0]!.id;
    tenantA = await insertTenant('A');
    tenantB = await insertTenant('B');

    runner = createJobRunner({
      database: db.database,
      logger: silentLogger,
      connectionString: db.connectionString,
      workerPollSeconds: 0.5,
    });
    runner.define<{ rows: number }, { imported: number }>(
      'test.import',
      async (job) => {
        await job.progress(0, job.payload.rows);
        for (let row = 1; row <= job.payload.rows; row++) {
          await job.step((tx) => tx.execute(sql`select ${row}::int`));
          await job.progress(row);
          await importGates[row - 1]!.opened;
        }
        return { imported: job.payload.rows };
      },
      { transaction: 'steps' },
    );
    runner.define<{ numbers: number[] }, { sum: number }>('test.sum', async (job) => {
      let sum = 0;
      for (const [index, value] of job.payload.numbers.entries()) {
        sum += value;
        await job.tx.execute(sql`select ${value}::int`);
        await job.progress(index + 1, job.payload.numbers.length);
      }
      return { sum };
    });
    runner.define('test.never-run', async () => {
      calls.neverRun++;
    });
    runner.define<{ kind: 'error' | 'app-error' }>('test.fail', async (job) => {
      // Written in the job's transaction, which the failure rolls back.
      await runner.publish({ tenantId: job.tenantId, tx: job.tx }, 'test.from_failed_job', {});
      if (job.payload.kind === 'app-error')
        throw new AppError('invoice_not_draft', { detail: 'Invoice 2026-001 is final.' });
      throw new Error('Boekhouding kapot');
    });
    runner.define(
      'test.flaky',
      async () => {
        if (++calls.flaky === 1) throw new Error('temporarily unavailable');
        return { attempts: calls.flaky };
      },
      { retries: 1, retryDelaySeconds: 0 },
    );
    runner.subscribe(
      'test.company_updated',
      'flaky-listener',
      async () => {
        if (++calls.flakySubscriber === 1) throw new Error('temporarily unavailable');
      },
      { retryDelaySeconds: 0 },
    );
    // Waits outside any transaction: on PGlite an open one would hold the only connection.
    runner.define(
      'test.slow',
      async (job) => {
        await slowGate.opened;
        await new Promise((resolve) => setTimeout(resolve, 200));
        await job.step((tx) => tx.execute(sql`select 1`));
        slow.isFinished = true;
        return { ok: true };
      },
      { transaction: 'steps' },
    );
    for (const subscriber of ['first-listener', 'second-listener']) {
      runner.subscribe<{ companyName: string }>('test.company_updated', subscriber, async ({ tenantId, event, tx }) => {
        // Runs in the event's tenant: row-level security shows that tenant only.
        const visible = await tx.execute(sql`select id from tenants`);
        expect((visible as unknown as { rows: unknown[] }).rows).toHaveLength(1);
        received.push({ subscriber, tenantId, eventId: event.id, payload: event.payload });
      });
    }
    await runner.start();
  });

  afterAll(async () => {
    await runner?.stop();
    await db?.drop();
  });

  it('runs an enqueued job that commits in steps, reporting progress while it runs', async () => {
    const id = await inTenant(tenantA, (ctx) => runner.enqueue(ctx, 'test.import', { rows: 3 }));
    expect(await jobRun(tenantA, id)).toMatchObject({
      name: 'test.import',
      state: 'queued',
      progress: { done: 0, total: null },
    });

    await waitFor(async () => (await jobRun(tenantA, id))?.progress.done === 1, 'one row done');
    expect(await jobRun(tenantA, id)).toMatchObject({ state: 'running', progress: { done: 1, total: 3 } });
    importGates[0]!.open();
    await waitFor(async () => (await jobRun(tenantA, id))?.progress.done === 2, 'two rows done');
    importGates[1]!.open();
    importGates[2]!.open();
    const done = await waitFor(async () => {
      const run = await jobRun(tenantA, id);
      return run?.state === 'completed' && run;
    }, 'completion');
    expect(done).toMatchObject({ progress: { done: 3, total: 3 }, result: { imported: 3 }, error: null });
    expect(jobSchema.parse(done)).toEqual(done);
  });

  it('runs a job in one transaction and completes it with its result', async () => {
    const id = await inTenant(tenantA, (ctx) => runner.enqueue(ctx, 'test.sum', { numbers: [20, 22] }));
    const done = await waitFor(async () => {
      const run = await jobRun(tenantA, id);
      return run?.state === 'completed' && run;
    }, 'completion');
    expect(done).toMatchObject({ result: { sum: 42 }, progress: { done: 2, total: 2 } });
  });

  it('never runs a job whose transaction rolled back', async () => {
    let rolledBackId: string | undefined;
    await expect(
      inTenant(tenantA, async (ctx) => {
        rolledBackId = await runner.enqueue(ctx, 'test.never-run', {});
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // A later committed job has been dispatched and run, so the dispatcher has looked past the rollback.
    const later = await inTenant(tenantA, (ctx) => runner.enqueue(ctx, 'test.sum', { numbers: [1] }));
    await waitFor(async () => (await jobRun(tenantA, later))?.state === 'completed', 'the later job');
    expect(calls.neverRun).toBe(0);
    expect(await jobRun(tenantA, rolledBackId!)).toBeNull();
    expect(
      await db.database.query(`select 1 from outbox_events where payload->>'jobRunId' = $1`, [rolledBackId]),
    ).toHaveLength(0);
  });

  it('ends a failing job as failed with the message, not the stack, and rolls its writes back', async () => {
    const id = await inTenant(tenantA, (ctx) => runner.enqueue(ctx, 'test.fail', { kind: 'error' }));
    const failed = await waitFor(async () => {
      const run = await jobRun(tenantA, id);
      return run?.state === 'failed' && run;
    }, 'failure');
    expect(failed).toMatchObject({ error: 'Boekhouding kapot', result: null });
    expect(failed.error).not.toMatch(/\bat\b.*\.ts/);
    expect(await db.database.query(`select 1 from outbox_events where type = 'test.from_failed_job'`)).toHaveLength(0);

    const coded = await inTenant(tenantA, (ctx) => runner.enqueue(ctx, 'test.fail', { kind: 'app-error' }));
    const codedFailure = await waitFor(async () => {
      const run = await jobRun(tenantA, coded);
      return run?.state === 'failed' && run;
    }, 'failure');
    expect(codedFailure.error).toBe('invoice_not_draft: Invoice 2026-001 is final.');
  });

  it('retries a job that has attempts left, showing it queued with the last error in between', async () => {
    const id = await inTenant(tenantA, (ctx) => runner.enqueue(ctx, 'test.flaky', {}));
    await waitFor(async () => (await jobRun(tenantA, id))?.error === 'temporarily unavailable', 'the first failure');
    expect(await jobRun(tenantA, id)).toMatchObject({ state: 'queued' });
    const done = await waitFor(async () => {
      const run = await jobRun(tenantA, id);
      return run?.state === 'completed' && run;
    }, 'completion');
    expect(done).toMatchObject({ result: { attempts: 2 }, error: null });
  });

  it('delivers a published event to every subscriber, in the tenant that published it', async () => {
    const eventId = await inTenant(tenantB, (ctx) =>
      runner.publish(ctx, 'test.company_updated', { companyName: 'B BV' }),
    );
    await waitFor(
      async () => received.filter((delivery) => delivery.eventId === eventId).length === 2,
      'two deliveries',
    );
    expect(
      received
        .filter((delivery) => delivery.eventId === eventId)
        .map((delivery) => delivery.subscriber)
        .sort(),
    ).toEqual(['first-listener', 'second-listener']);
    expect(received.find((delivery) => delivery.eventId === eventId)).toMatchObject({
      tenantId: tenantB,
      payload: { companyName: 'B BV' },
    });
    const [event] = await db.database.query<{ dispatched_at: Date | null }>(
      'select dispatched_at from outbox_events where id = $1',
      [eventId],
    );
    expect(event?.dispatched_at).not.toBeNull();
    // A subscriber that fails is retried: at least once.
    await waitFor(async () => calls.flakySubscriber === 2, 'the retried delivery');
  });

  it('marks an event nobody subscribes to as dispatched', async () => {
    const eventId = await inTenant(tenantA, (ctx) => runner.publish(ctx, 'test.nobody_listens', { n: 1 }));
    await waitFor(
      async () =>
        (
          await db.database.query<{ dispatched_at: Date | null }>(
            'select dispatched_at from outbox_events where id = $1',
            [eventId],
          )
        )[0]?.dispatched_at,
      'dispatch',
    );
  });

  it("does not show tenant A's job run to tenant B", async () => {
    const id = await inTenant(tenantA, (ctx) => runner.enqueue(ctx, 'test.sum', { numbers: [5] }));
    await waitFor(async () => (await jobRun(tenantA, id))?.state === 'completed', 'completion');
    expect(await jobRun(tenantB, id)).toBeNull();
    // Not only the tenant filter: row-level security hides it even when B asks for A's id under A's name.
    expect(await db.database.withTenant(tenantB, (tx) => runner.getJobRun(tx, tenantA, id))).toBeNull();
  });

  it('serves GET /api/v1/jobs/:id for the own tenant only', async () => {
    const routes: TenantRouteSpec<{ id: string }, unknown, unknown>[] = [];
    registerJobRoutes({
      jobs: runner,
      route: (spec: TenantRouteSpec<{ id: string }, unknown, unknown>) => routes.push(spec),
    } as unknown as Kernel);
    const route = routes[0]!;
    expect(route).toMatchObject({ method: 'GET', url: '/api/v1/jobs/:id', access: 'tenant' });
    expect(route.params!.safeParse({ id: 'not-a-uuid' }).success).toBe(false);

    const id = await inTenant(tenantA, (ctx) => runner.enqueue(ctx, 'test.sum', { numbers: [1, 2] }));
    const call = (tenantId: string) =>
      db.database.withTenant(tenantId, (tx: Tx) =>
        route.handler({ ctx: { tenantId, tx } as TenantContext, params: { id } } as Parameters<
          typeof route.handler
        >[0]),
      );
    expect(jobSchema.parse(await call(tenantA))).toMatchObject({ id, name: 'test.sum' });
    await expect(call(tenantB)).rejects.toMatchObject({ code: 'not_found' });
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'dispatches as an owner that row-level security binds (not a superuser)',
    async () => {
      expect(db.isOwnerRestricted).toBe(true);
      const [owner] = await db.database.query<{ rolsuper: boolean }>(
        'select rolsuper from pg_roles where rolname = current_user',
      );
      expect(owner?.rolsuper).toBe(false);
      // FORCE ROW LEVEL SECURITY: without a tenant the owner sees no job runs, yet every tenant's events.
      expect(await db.database.query('select 1 from job_runs')).toHaveLength(0);
      const tenantsWithEvents = await db.database.query('select distinct tenant_id from outbox_events');
      expect(tenantsWithEvents).toHaveLength(2);
    },
  );

  it('logged no errors, only the expected warnings', () => {
    expect(silentLogger.entries.filter((entry) => entry.level === 'error')).toEqual([]);
    const warnings = new Set(
      silentLogger.entries.filter((entry) => entry.level === 'warn').map((entry) => entry.message),
    );
    expect([...warnings].sort()).toEqual(['event subscriber failed; it will be retried', 'job failed']);
  });

  it('refuses unknown jobs, bad event types and registrations after start', async () => {
    await expect(inTenant(tenantA, (ctx) => runner.enqueue(ctx, 'test.unknown', {}))).rejects.toThrow('not defined');
    await expect(inTenant(tenantA, (ctx) => runner.publish(ctx, 'job.requested', {}))).rejects.toThrow();
    expect(() => runner.define('test.late', async () => undefined)).toThrow('before the job runner starts');
  });

  it('stops cleanly: a running job finishes first, and stop() may be called again', async () => {
    const id = await inTenant(tenantA, (ctx) => runner.enqueue(ctx, 'test.slow', {}));
    await waitFor(async () => (await jobRun(tenantA, id))?.state === 'running', 'the slow job to start');
    const stopped = runner.stop();
    slowGate.open();
    await stopped;
    expect(slow.isFinished).toBe(true);
    expect(await jobRun(tenantA, id)).toMatchObject({ state: 'completed', result: { ok: true } });
    await runner.stop();
    await createJobRunner({ database: db.database, logger: silentLogger }).stop();
  });
});
