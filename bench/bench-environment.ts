import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = fileURLToPath(new URL('..', import.meta.url));
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh database and data directory for one benchmark run, and the processes it starts. */
export interface BenchEnvironment {
  env: NodeJS.ProcessEnv;
  databaseUrl: string;
  children: ChildProcess[];
  /** Stops the processes, drops the database and removes the data directory. */
  close(): Promise<void>;
}

export async function benchEnvironment(name: string, extraEnv: Record<string, string> = {}): Promise<BenchEnvironment> {
  const dbName = `clientbox_bench_${name}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientbox-bench-'));
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PORT: '0',
    ...extraEnv,
  };
  const children: ChildProcess[] = [];
  return {
    env,
    databaseUrl: url.toString(),
    children,
    close: async () => {
      for (const child of children) child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      if (!process.env.BENCH_KEEP_DATABASE)
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The app as in production (`apps/server/src/main.ts`, a child process); answers its base URL once
 * ready. `BENCH_APP_NODE_ARGS` passes flags to its node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
 * to see where a benchmark's time goes (NODE_OPTIONS refuses the profiler's flags).
 */
export async function startApp(bench: BenchEnvironment): Promise<string> {
  const port = await freePort();
  const nodeArgs = process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const app = spawn(process.execPath, [...nodeArgs, path.join(root, 'apps/server/src/main.ts')], {
    env: { ...bench.env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  bench.children.push(app);
  for (let attempt = 0; attempt < 120; attempt++) {
    if (app.exitCode !== null) throw new Error(`app exited with ${app.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return `http://127.0.0.1:${port}`;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('app did not become ready');
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The company profile a benchmark's tenant issues its documents as (`PATCH /api/v1/company`). */
export const BENCH_SUPPLIER = {
  legal_name: 'Bench Leverancier B.V.',
  street: 'Keizersgracht 1',
  postal_code: '1015 CJ',
  city: 'Amsterdam',
  kvk_number: '12345678',
  vat_number: 'NL004495445B01',
  iban: 'NL91ABNA0417164300',
};

/** A customer its invoices can go to (`POST /api/v1/organizations`). */
export const BENCH_CUSTOMER = {
  name: 'Afnemer B.V.',
  kvk_number: '87654321',
  vat_number: 'NL000099998B57',
  is_customer: true,
  addresses: [{ type: 'invoice', street: 'Stationsplein 10', postal_code: '3511 ED', city: 'Utrecht', country: 'NL' }],
};

/** A tenant with an active contract for these modules (and the API, for the key), made by the operator CLI. */
export function createTenant(
  bench: BenchEnvironment,
  i: number,
  modules: string,
): Promise<{ tenant_id: string; api_key: string }> {
  return new Promise((resolve, reject) => {
    const cli = spawn(
      process.execPath,
      [
        path.join(root, 'apps/server/src/cli/admin.ts'),
        'tenant',
        'create',
        '--name',
        `Bench ${i} BV`,
        '--email',
        `owner${i}@bench.test`,
        '--modules',
        modules,
        '--json',
      ],
      { env: bench.env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    cli.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    cli.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`CLI exited with ${code}`))));
  });
}

/** A JSON request; anything but 2xx throws with the answer. */
export async function send(target: string, method: string, apiKey: string | null, body?: unknown): Promise<unknown> {
  const response = await fetch(target, {
    method,
    headers: {
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${target} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}
