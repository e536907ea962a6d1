import type { Tx } from '../db/database.ts';

/** Reports how far a job is. `total` may be left out (unchanged) or null (unknown). */
export type ReportProgress = (done: number, total?: number | null) => Promise<void>;

interface JobContextBase<Payload> {
  tenantId: string;
  jobRunId: string;
  payload: Payload;
  /**
   * Written outside the work transaction, so the web app sees it while the job runs. On PGlite
   * (one connection, nothing else runs while a transaction is open) a report made inside an open
   * transaction is written in that transaction instead and becomes visible when it commits.
   * Each report is one small write: report per step or every few hundred items, not per row.
   */
  progress: ReportProgress;
  /** Aborted when the job times out or the server stops; long loops should check it. */
  signal: AbortSignal;
}

/** `transaction: 'job'` (the default): the whole handler runs in one tenant transaction. */
export interface JobContext<Payload> extends JobContextBase<Payload> {
  /** The job's tenant transaction (row-level security on). The job completes when it commits. */
  tx: Tx;
}

/**
 * `transaction: 'steps'`: for long jobs. Each `step` is its own tenant transaction, committed when
 * it returns, so work is saved in chunks, progress reported between steps shows at once, and on
 * PGlite the web app is not blocked for the whole job. A failed step rolls back only itself;
 * earlier steps stay committed, so steps must be safe to repeat when the job is retried.
 */
export interface SteppedJobContext<Payload> extends JobContextBase<Payload> {
  step<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** The handler's return value becomes the job run's `result` (JSON; keep it small). */
export type JobHandler<Payload, Result> = (job: JobContext<Payload>) => Promise<Result>;
export type SteppedJobHandler<Payload, Result> = (job: SteppedJobContext<Payload>) => Promise<Result>;

export interface JobOptions {
  /** Jobs of this name run at the same time in this process. Default 1. */
  concurrency?: number;
  /** Extra attempts after a failure (with backoff). Default 0: the user sees `failed` and may retry. */
  retries?: number;
  /** An attempt running longer than this is given up (and retried when attempts are left). Default 900. */
  timeoutSeconds?: number;
  /** Wait before the first retry, doubling for each next one. Default 5. */
  retryDelaySeconds?: number;
}

export interface OutboxEvent<Payload> {
  id: string;
  type: string;
  payload: Payload;
  occurredAt: string;
}

/**
 * Runs once per event, at least once: after a crash or a failure it runs again, so a subscriber
 * must be idempotent (check whether its effect already exists, or key it on `event.id`).
 */
export type EventHandler<Payload> = (delivery: {
  tenantId: string;
  event: OutboxEvent<Payload>;
  tx: Tx;
  signal: AbortSignal;
}) => Promise<void>;

export interface SubscriberOptions {
  concurrency?: number;
  /** Default 5, with exponential backoff. */
  retries?: number;
  /** Default 300. */
  timeoutSeconds?: number;
  /** Default 5, doubling for each next retry. */
  retryDelaySeconds?: number;
}

/** The logger the runner writes to; Fastify's (pino) logger fits. */
export interface JobLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
