import { spawn, fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TENANTS = Number(process.env.BENCH_TENANTS ?? 100);
const ROWS = Number(process.env.BENCH_ROWS ?? 1000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 50;

const dbName = `clientbox_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const databaseUrl = url.toString();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientbox-bench-'));
const env = { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: '0' };
const children: ChildProcess[] = [];

try {
  const appPort = await startApp();
  console.log(`app on :${appPort}; creating ${TENANTS} tenants with the operator CLI…`);
  const tenants = await createTenants();
  await seedRows(tenants.map((tenant) => tenant.tenant_id));
  const bare = fork(path.join(root, 'bench/bare-server.ts'), { env: { ...env, PORT: '0' }, stdio: 'inherit' });
  children.push(bare);
  const barePort = await new Promise<number>((resolve) =>
    bare.once('message', (message: { port: number }) => resolve(message.port)),
  );

  let index = 0;
  const appTarget = () => {
    const tenant = tenants[index++ % tenants.length]!;
    return { path: '/api/v1/audit_events?limit=50', headers: { authorization: `Bearer ${tenant.api_key}` } };
  };
  const bareTarget = () => ({
    path: `/bare/audit_events/${tenants[index++ % tenants.length]!.tenant_id}`,
    headers: {},
  });
  // Warm up both, then alternate rounds so background noise hits both sides alike.
  await load(`http://127.0.0.1:${appPort}`, appTarget, 3);
  await load(`http://127.0.0.1:${barePort}`, bareTarget, 3);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const results: { app: autocannon.Result; bare: autocannon.Result }[] = [];
  for (let round = 0; round < rounds; round++) {
    const app = await load(`http://127.0.0.1:${appPort}`, appTarget);
    const bare = await load(`http://127.0.0.1:${barePort}`, bareTarget);
    results.push({ app, bare });
  }

  const row = (name: string, result: autocannon.Result) =>
    `${name.padEnd(6)} ${result.requests.average.toFixed(0).padStart(8)} req/s   p99 ${String(result.latency.p99).padStart(4)} ms   errors ${result.errors + result.non2xx}`;
  console.log(
    `\nGET 50 rows, ${CONNECTIONS} connections, ${DURATION} s per run, ${TENANTS} tenants × ${ROWS} rows, ${os.cpus().length} cores`,
  );
  results.forEach(({ app, bare }, round) => {
    console.log(`round ${round + 1}`);
    console.log(row('app', app));
    console.log(row('bare', bare));
  });
  const total = (side: 'app' | 'bare') => results.reduce((sum, result) => sum + result[side].requests.average, 0);
  console.log(`ratio app/bare: ${(total('app') / total('bare')).toFixed(2)} (target ≥ 0.70)`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function startApp(): Promise<number> {
  const port = await freePort();
  const profiling = process.env.BENCH_APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS } : {};
  const app = spawn(process.execPath, [path.join(root, 'apps/server/src/main.ts')], {
    env: { ...env, ...profiling, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(app);
  for (let attempt = 0; attempt < 120; attempt++) {
    if (app.exitCode !== null) throw new Error(`app exited with ${app.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return port;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('app did not become ready');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function createTenants(): Promise<{ tenant_id: string; api_key: string }[]> {
  const results: { tenant_id: string; api_key: string }[] = [];
  const create = (i: number) =>
    new Promise<void>((resolve, reject) => {
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
          '--json',
        ],
        { env, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      cli.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      cli.once('exit', (code) =>
        code === 0 ? (results.push(JSON.parse(out)), resolve()) : reject(new Error(`CLI exited with ${code}`)),
      );
    });
  for (let i = 0; i < TENANTS; i += 4)
    await Promise.all([0, 1, 2, 3].filter((k) => i + k < TENANTS).map((k) => create(i + k)));
  return results;
}

async function seedRows(tenantIds: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  for (const tenantId of tenantIds) {
    await client.query(
      `INSERT INTO audit_events (tenant_id, actor_type, actor_name, action, target_type, target_id, ip, details, occurred_at)
       SELECT $1, 'system', 'Bench', 'bench.row', 'row', g::text, '127.0.0.1', jsonb_build_object('n', g), now() - g * interval '1 second'
       FROM generate_series(1, $2::int) g`,
      [tenantId, ROWS],
    );
  }
  await client.query('ANALYZE audit_events');
  await client.end();
}

function load(
  baseUrl: string,
  next: () => { path: string; headers: Record<string, string> },
  duration = DURATION,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        duration,
        requests: [{ setupRequest: (request) => Object.assign(request, next()) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}
