import pg from 'pg';
import type { Database } from '../db/database.ts';
import type { JobLogger } from './job-types.ts';
import { OUTBOX_CHANNEL } from './outbox.ts';
import { ownerPoolOf, pgliteOf } from './pg-boss-connection.ts';

const RECONNECT_DELAY_MS = 5_000;

export interface OutboxWakeup {
  close(): Promise<void>;
}

/**
 * Calls `onWake` when a transaction that wrote an outbox event commits (the NOTIFY from
 * `writeOutboxEvent`), in this process or another. Only a shortcut: the dispatcher polls anyway,
 * so a lost connection costs latency, not events; it is re-established in the background.
 */
export async function listenForOutboxEvents(
  database: Database,
  connectionString: string | undefined,
  onWake: () => void,
  logger: JobLogger,
): Promise<OutboxWakeup> {
  const pglite = pgliteOf(database);
  if (pglite) {
    const unlisten = await pglite.listen(OUTBOX_CHANNEL, onWake);
    return { close: () => unlisten() };
  }
  const ownerPool = ownerPoolOf(database);
  let isClosed = false;
  let dispose: (() => Promise<void>) | null = null;
  let retryTimer: NodeJS.Timeout | undefined;

  const reconnectLater = () => {
    if (isClosed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, RECONNECT_DELAY_MS);
    retryTimer.unref();
  };

  const onConnectionError = (error: Error) => {
    logger.warn({ err: error }, 'outbox listener lost its connection; polling until it is back');
    void closeClient();
    reconnectLater();
  };

  async function connect(): Promise<void> {
    try {
      let next: pg.ClientBase;
      if (connectionString) {
        const own = new pg.Client({ connectionString, application_name: 'clientbox-outbox' });
        own.on('error', onConnectionError);
        dispose = () => own.end();
        await own.connect();
        next = own;
      } else if (ownerPool) {
        const pooled = await ownerPool.connect();
        pooled.on('error', onConnectionError);
        dispose = async () => pooled.release(true);
        next = pooled;
      } else {
        return;
      }
      next.on('notification', onWake);
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (isClosed) await closeClient();
      else onWake(); // catch up on anything committed while not listening
    } catch (error) {
      logger.warn({ err: error }, 'outbox listener could not connect; polling until it can');
      await closeClient();
      reconnectLater();
    }
  }

  async function closeClient(): Promise<void> {
    const closing = dispose;
    dispose = null;
    await closing?.().catch(() => undefined);
  }

  await connect();
  return {
    close: async () => {
      isClosed = true;
      clearTimeout(retryTimer);
      await closeClient();
    },
  };
}
