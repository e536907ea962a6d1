import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createMigratedDatabase } from '../../apps/server/src/test-support/postgres-template.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface AppProcess {
  baseUrl: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  process: ChildProcess;
  /** Sends SIGTERM and resolves with the exit code and how long the shutdown took. */
  stop(): Promise<{ code: number | null; milliseconds: number }>;
  restart(): Promise<AppProcess>;
  /** Stops it and removes what it ran on: the data directory and its own PostgreSQL database. */
  dispose(): Promise<void>;
}

/**
 * Starts the real server (`apps/server/src/main.ts`) as its own process, as `npm start` does,
 * on a fresh data directory — and on a fresh PostgreSQL database when DATABASE_URL is set.
 */
export async function startApp(
  extraEnv: Record<string, string> = {},
  reuse?: { dataDir: string; env: NodeJS.ProcessEnv },
): Promise<AppProcess> {
  const dataDir = reuse?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'clientbox-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = reuse?.env
    ? { ...reuse.env, PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}` }
    : {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
        ...(await freshDatabaseUrl()),
        ...extraEnv,
      };
  const child = spawn(process.execPath, [path.join(root, 'apps/server/src/main.ts')], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    if (
      await fetch(`${baseUrl}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (attempt > 240) throw new Error('the app did not become ready within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const app: AppProcess = {
    baseUrl,
    dataDir,
    env,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        const started = Date.now();
        if (child.exitCode !== null) return resolve({ code: child.exitCode, milliseconds: 0 });
        child.once('exit', (code) => resolve({ code, milliseconds: Date.now() - started }));
        child.kill('SIGTERM');
      }),
    restart: async () => {
      await app.stop();
      return startApp({}, { dataDir, env });
    },
    dispose: async () => {
      await app.stop();
      await dropOwnDatabase(env.DATABASE_URL);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

const E2E_DATABASE = /^clientbox_e2e_\d+_\d+$/;

async function freshDatabaseUrl(): Promise<Record<string, string>> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return {};
  const name = `clientbox_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  return { DATABASE_URL: await createMigratedDatabase(serverUrl, name) };
}

/** The journey's own database on the server (never the server's database itself). */
async function dropOwnDatabase(databaseUrl: string | undefined): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl || !databaseUrl) return;
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!E2E_DATABASE.test(name)) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
