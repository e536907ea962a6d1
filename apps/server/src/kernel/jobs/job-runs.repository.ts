import type { Job } from '@clientbox/contracts';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { jobRuns } from '../db/schema.ts';

/** The only file that queries `job_runs`. Every function runs in the caller's tenant transaction. */

export interface Progress {
  done: number;
  total: number | null;
}

export async function insertJobRun(
  tx: Tx,
  run: { tenantId: string; name: string; createdBy: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(jobRuns)
    .values({ tenantId: run.tenantId, name: run.name, createdBy: run.createdBy })
    .returning({ id: jobRuns.id });
  return row!.id;
}

export async function findJobRun(tx: Tx, tenantId: string, id: string): Promise<Job | null> {
  const [row] = await tx
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.id, id)));
  return row ? toJob(row) : null;
}

/** The tenant's runs of one job, newest first, cursor paging on (created_at, id). */
export async function listJobRuns(
  tx: Tx,
  tenantId: string,
  query: { name: string; limit: number; startingAfter?: string | undefined },
): Promise<{ data: Job[]; hasMore: boolean }> {
  const after = query.startingAfter
    ? sql`(${jobRuns.createdAt}, ${jobRuns.id}) < (SELECT created_at, id FROM job_runs WHERE tenant_id = ${tenantId} AND id = ${query.startingAfter})`
    : undefined;
  const rows = await tx
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.name, query.name), after))
    .orderBy(desc(jobRuns.createdAt), desc(jobRuns.id))
    .limit(query.limit + 1);
  return { data: rows.slice(0, query.limit).map(toJob), hasMore: rows.length > query.limit };
}

function toJob(row: typeof jobRuns.$inferSelect): Job {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    progress: { done: row.progressDone, total: row.progressTotal },
    result: row.result ?? null,
    error: row.error,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/**
 * Claims the run for an attempt. A run that already completed or failed is not run again (a
 * duplicate delivery); a run left `running` by a crashed attempt is. False when there is nothing to run.
 */
export async function markJobRunRunning(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(jobRuns)
    .set({ state: 'running', error: null, updatedAt: sql`now()` })
    .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.id, id), inArray(jobRuns.state, ['queued', 'running'])))
    .returning({ id: jobRuns.id });
  return rows.length === 1;
}

export async function updateJobRunProgress(tx: Tx, tenantId: string, id: string, progress: Progress): Promise<void> {
  await tx
    .update(jobRuns)
    .set({ progressDone: progress.done, progressTotal: progress.total, updatedAt: sql`now()` })
    .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.id, id), eq(jobRuns.state, 'running')));
}

/** Completed: the progress ends at its total when one was reported. */
export async function markJobRunCompleted(
  tx: Tx,
  tenantId: string,
  id: string,
  outcome: { result: unknown; progress: Progress },
): Promise<void> {
  const { done, total } = outcome.progress;
  await tx
    .update(jobRuns)
    .set({
      state: 'completed',
      result: outcome.result ?? null,
      error: null,
      progressDone: total ?? done,
      progressTotal: total,
      updatedAt: sql`now()`,
    })
    .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.id, id)));
}

/** Failed for good (`failed`), or waiting for another attempt (`queued`, with the last error shown). */
export async function markJobRunFailed(
  tx: Tx,
  tenantId: string,
  id: string,
  outcome: { error: string; willRetry: boolean; progress: Progress },
): Promise<void> {
  await tx
    .update(jobRuns)
    .set({
      state: outcome.willRetry ? 'queued' : 'failed',
      error: outcome.error,
      progressDone: outcome.progress.done,
      progressTotal: outcome.progress.total,
      updatedAt: sql`now()`,
    })
    .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.id, id)));
}
