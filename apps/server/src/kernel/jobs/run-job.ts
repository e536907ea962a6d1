import type { Database, Tx } from '../db/database.ts';
import { isAppError } from '../errors/app-error.ts';
import {
  markJobRunCompleted,
  markJobRunFailed,
  markJobRunRunning,
  type Progress,
  updateJobRunProgress,
} from './job-runs.repository.ts';
import type { JobHandler, JobLogger, ReportProgress, SteppedJobHandler } from './job-types.ts';

export type JobDefinition =
  | { name: string; transaction: 'job'; handler: JobHandler<any, unknown>; retries: number }
  | { name: string; transaction: 'steps'; handler: SteppedJobHandler<any, unknown>; retries: number };

export interface JobAttempt {
  tenantId: string;
  jobRunId: string;
  payload: unknown;
  /** 0 on the first attempt. */
  retryCount: number;
  signal: AbortSignal;
}

const MAX_ERROR_LENGTH = 1000;

/**
 * One attempt at a job run: claim it (`running`), run the handler in the tenant's transaction(s),
 * end `completed` with the result or `failed` with the error message. A run already finished
 * (a duplicate delivery) is skipped. Throws only when pg-boss should try again: the handler
 * failed with attempts left, or the outcome could not be recorded.
 */
export async function runJobAttempt(
  deps: { database: Database; logger: JobLogger },
  definition: JobDefinition,
  attempt: JobAttempt,
): Promise<void> {
  const { database, logger } = deps;
  const { tenantId, jobRunId } = attempt;
  const claimed = await database.withTenant(tenantId, (tx) => markJobRunRunning(tx, tenantId, jobRunId));
  if (!claimed) {
    logger.info({ job: definition.name, jobRunId, tenantId }, 'job run already finished or removed; skipped');
    return;
  }
  const tracker = createProgressTracker(database, tenantId, jobRunId);
  const base = { tenantId, jobRunId, payload: attempt.payload, signal: attempt.signal, progress: tracker.report };
  try {
    if (definition.transaction === 'steps') {
      const result = await definition.handler({ ...base, step: tracker.step });
      await database.withTenant(tenantId, (tx) =>
        markJobRunCompleted(tx, tenantId, jobRunId, { result, progress: tracker.current() }),
      );
    } else {
      // Completion is written in the work transaction: the run reads `completed` exactly when the work committed.
      await database.withTenant(tenantId, (tx) =>
        tracker.within(tx, async () => {
          const result = await definition.handler({ ...base, tx });
          await markJobRunCompleted(tx, tenantId, jobRunId, { result, progress: tracker.current() });
        }),
      );
    }
  } catch (error) {
    const willRetry = attempt.retryCount < definition.retries;
    logger.warn({ job: definition.name, jobRunId, tenantId, err: error, willRetry }, 'job failed');
    // If even this write fails, the error goes to pg-boss, which tries the run again later.
    await database.withTenant(tenantId, (tx) =>
      markJobRunFailed(tx, tenantId, jobRunId, { error: describeError(error), willRetry, progress: tracker.current() }),
    );
    if (willRetry) throw error;
  }
}

/** What the API shows as `error`: the message only, never a stack trace. */
export function describeError(error: unknown): string {
  let message: string;
  if (isAppError(error)) message = error.detail ? `${error.code}: ${error.detail}` : error.code;
  else if (error instanceof Error && error.message) message = error.message;
  else message = 'job failed';
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

function createProgressTracker(database: Database, tenantId: string, jobRunId: string) {
  let progress: Progress = { done: 0, total: null };
  let openTx: Tx | null = null;

  async function within<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
    if (openTx) throw new Error('job steps cannot be nested');
    openTx = tx;
    try {
      return await work();
    } finally {
      openTx = null;
    }
  }

  const report: ReportProgress = async (done, total) => {
    if (!isCount(done) || (total !== undefined && total !== null && !isCount(total))) {
      throw new Error('progress must be whole numbers of zero or more');
    }
    progress = { done, total: total === undefined ? progress.total : total };
    const snapshot = progress;
    // PGlite has one connection and the open transaction holds it: writing elsewhere would wait forever.
    if (openTx && database.kind === 'pglite') {
      await updateJobRunProgress(openTx, tenantId, jobRunId, snapshot);
    } else {
      await database.withTenant(tenantId, (tx) => updateJobRunProgress(tx, tenantId, jobRunId, snapshot));
    }
  };

  return {
    report,
    within,
    step: async <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
      // Checked before opening a transaction: on PGlite a nested one would wait for the outer forever.
      if (openTx) throw new Error('job steps cannot be nested');
      return database.withTenant(tenantId, (tx) => within(tx, () => work(tx)));
    },
    current: () => progress,
  };
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}
