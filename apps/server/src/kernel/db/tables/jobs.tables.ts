import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, updatedAtColumn } from '../columns.ts';
import { tenantIdColumn } from './tenants.tables.ts';

export const JOB_RUN_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobRunState = (typeof JOB_RUN_STATES)[number];

/**
 * Transactional outbox: an event is written in the same tenant transaction as the change it
 * describes, so it exists exactly when the change committed. The job runner's dispatcher hands
 * undispatched rows to pg-boss and stamps `dispatched_at`.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    /** `<module>.<fact>` in the past tense, e.g. `company.updated`; `job.requested` is the runner's own. */
    type: text('type').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    // The dispatcher polls this every few hundred milliseconds: keep it to the pending rows.
    index('outbox_events_pending_idx')
      .on(table.occurredAt)
      .where(sql`${table.dispatchedAt} IS NULL`),
    index('outbox_events_dispatched_idx')
      .on(table.dispatchedAt)
      .where(sql`${table.dispatchedAt} IS NOT NULL`),
  ],
);

/** One requested job and its progress, as the web app shows it (GET /api/v1/jobs/:id). */
export const jobRuns = pgTable(
  'job_runs',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    state: text('state', { enum: JOB_RUN_STATES }).notNull().default('queued'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    result: jsonb('result').$type<unknown>(),
    error: text('error'),
    /** Who asked for it (`user:<id>`, `api_key:<id>`, `system`); free text, no foreign key. */
    createdBy: text('created_by'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('job_runs_tenant_created_idx').on(table.tenantId, table.createdAt),
    check('job_runs_state_check', sql`${table.state} IN ('queued', 'running', 'completed', 'failed')`),
  ],
);
