import { sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { Database } from '../db/database.ts';
import type { JobLogger } from './job-types.ts';
import { deleteDispatchedEvents, lockPendingEvents, markEventsDispatched, type PendingEvent } from './outbox.ts';

export interface DispatchTarget {
  queue: string;
  data: object;
}

export interface OutboxDispatcherOptions {
  database: Database;
  boss: PgBoss;
  logger: JobLogger;
  /** The pg-boss jobs for one event (none is fine); null when nobody can take it (logged, then dropped). */
  route(event: PendingEvent): DispatchTarget[] | null;
  /** Called after the commit for each event `route` refused. */
  onUndeliverable(event: PendingEvent): Promise<void>;
  pollIntervalMs: number;
  batchSize?: number;
  retentionDays?: number;
}

export interface OutboxDispatcher {
  start(): void;
  /** Dispatch now instead of at the next poll. */
  wake(): void;
  /** Stops polling and waits for the pass in progress. */
  stop(): Promise<void>;
}

const ERROR_BACKOFF_MS = 2_000;
const CLEANUP_INTERVAL_MS = 10 * 60_000;

/**
 * Moves committed outbox events into pg-boss. Each pass is one owner transaction: lock a batch of
 * pending events, insert their pg-boss jobs through that same transaction, stamp `dispatched_at`,
 * commit. Jobs and stamps commit together, so an event is handed over exactly once, even when
 * several processes dispatch (SKIP LOCKED) or one crashes mid-pass.
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { database, boss, logger } = options;
  const batchSize = options.batchSize ?? 100;
  let isStopped = false;
  let isWakeRequested = false;
  let wakeUp: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  let lastCleanup = Date.now();

  async function dispatchBatch(): Promise<number> {
    const refused: PendingEvent[] = [];
    const handedOver = await database.owner.transaction(async (tx) => {
      const events = await lockPendingEvents(tx, batchSize);
      // pg-boss writes its jobs through our transaction, so they commit with the dispatched stamps.
      const db = fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql);
      for (const event of events) {
        const targets = options.route(event);
        if (!targets) refused.push(event);
        for (const target of targets ?? []) await boss.send(target.queue, target.data, { db });
      }
      await markEventsDispatched(tx, events);
      return events.length;
    });
    for (const event of refused) {
      await options
        .onUndeliverable(event)
        .catch((error: unknown) =>
          logger.error({ err: error, eventId: event.id, type: event.type }, 'could not record an undeliverable event'),
        );
    }
    return handedOver;
  }

  async function cleanUpIfDue(): Promise<void> {
    if (Date.now() - lastCleanup < CLEANUP_INTERVAL_MS) return;
    lastCleanup = Date.now();
    await deleteDispatchedEvents(database.owner, options.retentionDays ?? 7);
  }

  function idle(ms: number): Promise<void> {
    if (isWakeRequested || isStopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      // The loop alone must not keep the process alive; stop() ends it properly.
      timer.unref();
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function run(): Promise<void> {
    while (!isStopped) {
      isWakeRequested = false;
      let pause = options.pollIntervalMs;
      try {
        const count = await dispatchBatch();
        await cleanUpIfDue();
        if (count === batchSize) continue;
      } catch (error) {
        logger.error({ err: error }, 'outbox dispatch failed; retrying');
        pause = ERROR_BACKOFF_MS;
      }
      await idle(pause);
    }
  }

  return {
    start() {
      if (loop) return;
      isStopped = false;
      loop = run();
    },
    wake() {
      isWakeRequested = true;
      wakeUp?.();
    },
    async stop() {
      isStopped = true;
      wakeUp?.();
      await loop;
      loop = null;
    },
  };
}
