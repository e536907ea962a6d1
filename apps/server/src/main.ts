import { buildApp } from './app.ts';
import { registerAdminRoutes } from './kernel/accounts/admin.routes.ts';
import { ConfigError, loadConfig } from './kernel/config/config.ts';
import { resolveAuthSecret } from './kernel/config/data-dir.ts';
import { acquireLock, EmbeddedDatabaseBusyError } from './kernel/db/embedded-lock.ts';
import { openDatabase } from './kernel/db/open-database.ts';
import { startDemoExpirySweep } from './kernel/entitlements/expire-ended-demos.ts';
import { startDailyTasks } from './kernel/jobs/daily-tasks.ts';

const SHUTDOWN_DEADLINE_MS = 9_000;

async function main(): Promise<void> {
  const config = loadConfig();
  // Only the embedded database needs the single-process lock; a real server has its own locking.
  const lock = config.databaseUrl ? null : acquireLock(config.dataDir, 'server');
  const database = await openDatabase(config, { warn: (message) => console.warn(message) });
  const authSecret = resolveAuthSecret(config.dataDir, config.authSecret);
  const adminToken = lock?.adminToken;
  const { app, kernel } = await buildApp({ config, database, authSecret });
  if (adminToken) registerAdminRoutes(kernel, adminToken);
  await kernel.jobs.start();
  const demoExpiry = startDemoExpirySweep(database, app.log);
  const dailyTasks = startDailyTasks(kernel.daily, () => kernel.clock.today(), app.log);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  lock?.update({ port });
  app.log.info({ database: database.kind, url: config.publicBaseUrl, dataDir: config.dataDir }, 'Clientbox is ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: no new requests, finishing those in flight');
    const deadline = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    // A keep-alive connection whose request finishes after close began would otherwise linger
    // until its timeout: close connections as soon as they fall idle.
    const closeIdle = setInterval(() => app.server.closeIdleConnections(), 100);
    closeIdle.unref();
    try {
      demoExpiry.stop();
      dailyTasks.stop();
      await app.close();
      clearInterval(closeIdle);
      app.log.info('HTTP server and jobs stopped');
      await database.close();
    } finally {
      lock?.release();
    }
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof EmbeddedDatabaseBusyError) {
    console.error(`Cannot start: ${error.message}. Stop it first, or use another DATA_DIR.`);
  } else {
    console.error('Clientbox failed to start:', error);
  }
  process.exit(1);
});
