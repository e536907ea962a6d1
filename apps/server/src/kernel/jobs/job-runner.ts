import type { Job } from '@clientbox/contracts';
import type { PgBoss, Job as BossJob, JobResult } from 'pg-boss';
import type { Database, Tx } from '../db/database.ts';
import type { Actor, TenantContext } from '../tenancy/tenant-context.ts';
import { findJobRun, insertJobRun, markJobRunFailed } from './job-runs.repository.ts';
import type {
  EventHandler,
  JobHandler,
  JobLogger,
  JobOptions,
  SteppedJobHandler,
  SubscriberOptions,
} from './job-types.ts';
import { createOutboxDispatcher, type DispatchTarget, type OutboxDispatcher } from './outbox-dispatcher.ts';
import { listenForOutboxEvents, type OutboxWakeup } from './outbox-wakeup.ts';
import { JOB_REQUESTED, type JobRequest, type PendingEvent, writeOutboxEvent } from './outbox.ts';
import { createPgBoss } from './pg-boss-connection.ts';
import { type JobDefinition, runJobAttempt } from './run-job.ts';
import { runSubscriber, type SubscriberDefinition, type EventMessage } from './run-subscriber.ts';

export type * from './job-types.ts';

/** What enqueue and publish need of a TenantContext: they write in its transaction. */
export type OutboxContext = Pick<TenantContext, 'tenantId' | 'tx'> & { actor?: Actor };

/**
 * Background work for the kernel and the modules, on pg-boss. Work is requested through the
 * transactional outbox: `enqueue` and `publish` only write rows in the caller's transaction, and
 * the dispatcher hands them to pg-boss after the commit. A rolled-back request never runs.
 * Register jobs and subscribers before `start()`.
 */
export interface JobRunner {
  /** A job whose handler runs in one tenant transaction (`job.tx`). */
  define<Payload, Result = unknown>(
    name: string,
    handler: JobHandler<Payload, Result>,
    options?: JobOptions & { transaction?: 'job' },
  ): void;
  /** A long job that commits its work in steps (`job.step(tx => …)`), reporting progress between them. */
  define<Payload, Result = unknown>(
    name: string,
    handler: SteppedJobHandler<Payload, Result>,
    options: JobOptions & { transaction: 'steps' },
  ): void;
  /** Records a `queued` job run in `ctx.tx` and requests it; returns the job run id for GET /api/v1/jobs/:id. */
  enqueue<Payload>(ctx: OutboxContext, name: string, payload: Payload): Promise<string>;
  /** Writes an event (`<module>.<fact>`, e.g. `company.updated`) in `ctx.tx`; returns its id. */
  publish<Payload>(ctx: OutboxContext, type: string, payload: Payload): Promise<string>;
  /** Runs `handler` as a job for every event of `type`, at least once; `name` identifies the subscriber. */
  subscribe<Payload>(type: string, name: string, handler: EventHandler<Payload>, options?: SubscriberOptions): void;
  /** A job run as the API shows it; null when it does not exist in this tenant. */
  getJobRun(tx: Tx, tenantId: string, id: string): Promise<Job | null>;
  /** Dispatch pending events now rather than at the next poll (commits already wake the dispatcher). */
  notify(): void;
  /** Starts pg-boss (creating its schema on first use), the workers and the dispatcher. */
  start(): Promise<void>;
  /** Stops dispatching, lets running handlers finish (up to the stop timeout), stops pg-boss. Safe to call twice or before start. */
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  database: Database;
  logger: JobLogger;
  /** The owner connection string on PostgreSQL (`config.databaseUrl`); not used on PGlite. */
  connectionString?: string | undefined;
  /** How often the dispatcher looks for events when nothing woke it. Default 250 ms. */
  pollIntervalMs?: number;
  /** How long stop() waits for running handlers. Default 5 s (the process gives shutdown 9 s). */
  stopTimeoutMs?: number;
  /**
   * How often each worker looks for jobs besides being woken by NOTIFY: this finds retries, whose
   * time comes without a NOTIFY. Default 5 s (at least 0.5); at most 2 s where pg-boss cannot LISTEN.
   */
  workerPollSeconds?: number;
}

const NAME = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;
const EVENT_TYPE = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$/;

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { database, logger } = options;
  const jobs = new Map<string, JobDefinition & { options: JobOptions }>();
  const subscribers = new Map<string, SubscriberDefinition & { options: SubscriberOptions }>();
  const running = new Set<Promise<unknown>>();
  let state: 'new' | 'starting' | 'started' | 'stopped' = 'new';
  let starting: Promise<void> | null = null;
  let stopping: Promise<void> | null = null;
  let boss: PgBoss | null = null;
  let dispatcher: OutboxDispatcher | null = null;
  let wakeup: OutboxWakeup | null = null;

  function assertRegistering(what: string): void {
    if (state !== 'new') throw new Error(`${what} must be registered before the job runner starts`);
  }

  function track<T>(work: Promise<T>): Promise<T> {
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => undefined);
    return work;
  }

  function route(event: PendingEvent): DispatchTarget[] | null {
    if (event.type === JOB_REQUESTED) {
      const request = event.payload as JobRequest;
      if (!jobs.has(request.name)) return null;
      return [
        {
          queue: jobQueue(request.name),
          data: { tenantId: event.tenantId, jobRunId: request.jobRunId, payload: request.payload },
        },
      ];
    }
    const message: EventMessage = {
      tenantId: event.tenantId,
      event: { id: event.id, type: event.type, payload: event.payload, occurredAt: event.occurredAt.toISOString() },
    };
    return [...subscribers.values()]
      .filter((subscriber) => subscriber.type === event.type)
      .map((subscriber) => ({ queue: subscriberQueue(subscriber), data: message }));
  }

  async function onUndeliverable(event: PendingEvent): Promise<void> {
    const request = event.payload as JobRequest;
    logger.error(
      { eventId: event.id, job: request.name, tenantId: event.tenantId },
      'job requested that no code defines; marked failed',
    );
    await database.withTenant(event.tenantId, (tx) =>
      markJobRunFailed(tx, event.tenantId, request.jobRunId, {
        error: `unknown job "${request.name}"`,
        willRetry: false,
        progress: { done: 0, total: null },
      }),
    );
  }

  async function startWorkers(started: PgBoss): Promise<void> {
    for (const job of jobs.values()) {
      const retries = job.options.retries ?? 0;
      // One pg-boss retry more than the job's own: the spare one reruns an attempt whose process died
      // (the run is still `running`); after a recorded failure it finds the run finished and does nothing.
      await ensureQueue(started, jobQueue(job.name), {
        retryLimit: retries + 1,
        retryDelay: job.options.retryDelaySeconds ?? 5,
        expireInSeconds: job.options.timeoutSeconds ?? 900,
      });
      // A few jobs per fetch, and straight on to the next fetch while they come back full: a worker
      // otherwise waits a polling interval after every job, so a burst (a daily run's 500 letters)
      // would go out at one job per interval. Each job succeeds or fails on its own.
      await started.work<{ tenantId: string; jobRunId: string; payload: unknown }>(
        jobQueue(job.name),
        {
          ...pollingOf(options),
          localConcurrency: job.options.concurrency ?? 1,
          batchSize: JOBS_PER_FETCH,
          burstWhenBatchFull: true,
          perJobResults: true,
        },
        async (bossJobs) => {
          const results: JobResult[] = [];
          for (const bossJob of bossJobs) {
            try {
              await track(runJobAttempt({ database, logger }, { ...job, retries }, attemptOf(bossJob)));
              results.push({ id: bossJob.id, status: 'completed' });
            } catch (error) {
              results.push({ id: bossJob.id, status: 'failed', output: { message: String(error) } });
            }
          }
          return results;
        },
      );
    }
    for (const subscriber of subscribers.values()) {
      const retries = subscriber.options.retries ?? 5;
      await ensureQueue(started, subscriberQueue(subscriber), {
        retryLimit: retries,
        retryDelay: subscriber.options.retryDelaySeconds ?? 5,
        expireInSeconds: subscriber.options.timeoutSeconds ?? 300,
      });
      await started.work<EventMessage>(
        subscriberQueue(subscriber),
        { ...pollingOf(options), localConcurrency: subscriber.options.concurrency ?? 1 },
        ([bossJob]) =>
          track(
            runSubscriber({ database, logger }, subscriber, bossJob!.data, {
              retryCount: bossJob!.retryCount,
              retries,
              signal: bossJob!.signal,
            }),
          ),
      );
    }
  }

  async function start(): Promise<void> {
    const created = createPgBoss(database, options.connectionString);
    boss = created;
    created.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
    created.on('warning', (warning) => logger.warn({ warning }, 'pg-boss warning'));
    await created.start();
    await startWorkers(created);
    dispatcher = createOutboxDispatcher({
      database,
      boss: created,
      logger,
      route,
      onUndeliverable,
      pollIntervalMs: options.pollIntervalMs ?? 250,
    });
    wakeup = await listenForOutboxEvents(database, options.connectionString, () => dispatcher?.wake(), logger);
    dispatcher.start();
  }

  async function stop(): Promise<void> {
    await starting?.catch(() => undefined);
    const timeoutMs = options.stopTimeoutMs ?? 5_000;
    const deadline = Date.now() + timeoutMs;
    await wakeup?.close().catch((error: unknown) => logger.warn({ err: error }, 'closing the outbox listener failed'));
    await dispatcher?.stop();
    // pg-boss stops fetching, waits for active handlers up to the timeout, then fails what is left.
    await boss?.stop({ graceful: true, timeout: Math.max(timeoutMs, 1_000), close: true });
    if (running.size > 0) {
      await Promise.race([Promise.allSettled([...running]), delay(Math.max(0, deadline - Date.now()))]);
      if (running.size > 0) logger.warn({ running: running.size }, 'job handlers still running after the stop timeout');
    }
    wakeup = null;
    dispatcher = null;
    boss = null;
  }

  return {
    define(
      name: string,
      handler: JobHandler<any, unknown> | SteppedJobHandler<any, unknown>,
      jobOptions: JobOptions & { transaction?: 'job' | 'steps' } = {},
    ) {
      assertRegistering(`job "${name}"`);
      if (!NAME.test(name)) throw new Error(`job name "${name}" must be lowercase words joined by . _ or -`);
      if (jobs.has(name)) throw new Error(`job "${name}" is defined twice`);
      const definition =
        jobOptions.transaction === 'steps'
          ? {
              name,
              transaction: 'steps' as const,
              handler: handler as SteppedJobHandler<any, unknown>,
              retries: jobOptions.retries ?? 0,
            }
          : {
              name,
              transaction: 'job' as const,
              handler: handler as JobHandler<any, unknown>,
              retries: jobOptions.retries ?? 0,
            };
      jobs.set(name, { ...definition, options: jobOptions });
    },

    async enqueue(ctx, name, payload) {
      if (!jobs.has(name)) throw new Error(`job "${name}" is not defined`);
      const jobRunId = await insertJobRun(ctx.tx, {
        tenantId: ctx.tenantId,
        name,
        createdBy: describeActor(ctx.actor),
      });
      const request: JobRequest = { name, jobRunId, payload };
      await writeOutboxEvent(ctx.tx, ctx.tenantId, JOB_REQUESTED, request);
      return jobRunId;
    },

    async publish(ctx, type, payload) {
      if (!EVENT_TYPE.test(type) || type === JOB_REQUESTED)
        throw new Error(`"${type}" is not an event type like "company.updated"`);
      return writeOutboxEvent(ctx.tx, ctx.tenantId, type, payload);
    },

    subscribe(type, name, handler, subscriberOptions = {}) {
      assertRegistering(`subscriber "${name}"`);
      if (!EVENT_TYPE.test(type) || type === JOB_REQUESTED)
        throw new Error(`"${type}" is not an event type like "company.updated"`);
      if (!NAME.test(name)) throw new Error(`subscriber name "${name}" must be lowercase words joined by . _ or -`);
      const key = `${type}/${name}`;
      if (subscribers.has(key)) throw new Error(`subscriber "${name}" of "${type}" is registered twice`);
      subscribers.set(key, { type, name, handler: handler as EventHandler<unknown>, options: subscriberOptions });
    },

    getJobRun: findJobRun,

    notify() {
      dispatcher?.wake();
    },

    async start() {
      if (state !== 'new') throw new Error('the job runner was already started');
      state = 'starting';
      starting = start();
      try {
        await starting;
      } catch (error) {
        state = 'stopped';
        stopping ??= stop();
        await stopping.catch(() => undefined);
        throw error;
      }
      // stop() may have been called while starting; it then tears everything down once started.
      if (state === 'starting') state = 'started';
    },

    stop() {
      const wasStarted = state !== 'new';
      state = 'stopped';
      if (!wasStarted) return Promise.resolve();
      stopping ??= stop();
      return stopping;
    },
  };
}

/** Jobs a worker takes per fetch; it fetches again at once while a fetch comes back full. */
const JOBS_PER_FETCH = 5;

function pollingOf(options: JobRunnerOptions) {
  const seconds = Math.max(options.workerPollSeconds ?? 5, 0.5);
  return { pollingIntervalSeconds: Math.min(seconds, 2), notifyPollingIntervalSeconds: seconds };
}

function attemptOf(job: BossJob<{ tenantId: string; jobRunId: string; payload: unknown }>) {
  return { ...job.data, retryCount: job.retryCount, signal: job.signal };
}

/** pg-boss queue names: one per job, one per subscriber. */
function jobQueue(name: string): string {
  return `job/${name}`;
}

function subscriberQueue(subscriber: { type: string; name: string }): string {
  return `event/${subscriber.type}/${subscriber.name}`;
}

/**
 * Creates the queue, or brings its options up to date with the code. Workers send a heartbeat,
 * so an attempt whose process died is noticed within a minute or two rather than at its timeout.
 */
async function ensureQueue(
  boss: PgBoss,
  name: string,
  queueOptions: { retryLimit: number; retryDelay: number; expireInSeconds: number },
): Promise<void> {
  const settings = { ...queueOptions, retryBackoff: true, heartbeatSeconds: 60, notify: true };
  if (await boss.getQueue(name)) await boss.updateQueue(name, settings);
  else await boss.createQueue(name, settings);
}

function describeActor(actor: Actor | undefined): string | null {
  if (!actor) return null;
  return actor.id ? `${actor.type}:${actor.id}` : actor.type;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
