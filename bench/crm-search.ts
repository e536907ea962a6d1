import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

/**
 * CRM search at scale: one tenant with 100,000 organizations (and 99 tenants beside it with
 * 1,000 each), searched through the API with an API key, against a bare Fastify + pg server
 * running the same "contains" query without tenancy, auth or transaction. Prints p50/p95 latency of
 * sequential requests and req/s under load, with the ratio to the bare server.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BIG = Number(process.env.BENCH_RELATIONS ?? 100_000);
const OTHERS = Number(process.env.BENCH_TENANTS ?? 100) - 1;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 300);
const WORDS = [
  'bakkerij',
  'installatie',
  'advies',
  'bouw',
  'transport',
  'zorg',
  'media',
  'techniek',
  'groen',
  'schilder',
];
const CITIES = ['utrecht', 'amsterdam', 'zwolle', 'delft', 'breda', 'assen', 'venlo', 'gouda'];

const dbName = `clientbox_bench_crm_${Date.now()}`;
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
  const tenants: { tenant_id: string; api_key: string }[] = [];
  for (let i = 0; i <= OTHERS; i += 4)
    tenants.push(...(await Promise.all([0, 1, 2, 3].filter((k) => i + k <= OTHERS).map((k) => createTenant(i + k)))));
  const [big, ...others] = tenants;
  console.log(`app on :${appPort}; seeding ${BIG} organizations in one tenant and ${others.length} × 1,000 beside it…`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await seed(client, big!.tenant_id, BIG);
  for (const tenant of others) await seed(client, tenant.tenant_id, 1000);
  await client.query('ANALYZE crm_organizations; ANALYZE crm_phones');
  await client.end();

  const bare = fork(path.join(root, 'bench/bare-server.ts'), { env: { ...env, PORT: '0' }, stdio: 'inherit' });
  children.push(bare);
  const barePort = await new Promise<number>((resolve) =>
    bare.once('message', (message: { port: number }) => resolve(message.port)),
  );
  const auth = { authorization: `Bearer ${big!.api_key}` };
  const cases = [
    { name: 'name fragment', path: '/api/v1/organizations?q=install&limit=25', bare: 'install' },
    { name: 'name typo', path: '/api/v1/relations/search?q=instalatie%20zwolle&limit=25', bare: null },
    {
      name: 'phone (06 …)',
      path: `/api/v1/relations/search?q=${encodeURIComponent('06 1234 5678')}`,
      bare: '0612345678',
    },
    {
      name: 'phone lookup',
      path: `/api/v1/relations/lookup?phone=${encodeURIComponent('+31 6 12345678')}`,
      bare: null,
    },
  ];
  console.log(
    `\n${BIG} organizations in the searched tenant, ${others.length} other tenants, ${os.cpus().length} cores.` +
      `\nLatency: ${SEQUENTIAL} requests one after another (no queueing). Throughput: ${CONNECTIONS} connections for ${DURATION} s.`,
  );
  for (const entry of cases) {
    const appUrl = `http://127.0.0.1:${appPort}${entry.path}`;
    await load(appUrl, auth, 2);
    const latency = await sequentialLatency(appUrl, auth);
    const app = await load(appUrl, auth);
    let line = `${entry.name.padEnd(14)} p50 ${latency.p50.toFixed(1).padStart(5)} ms  p95 ${latency.p95.toFixed(1).padStart(5)} ms   app ${app.requests.average.toFixed(0).padStart(5)} req/s  errors ${app.errors + app.non2xx}`;
    if (entry.bare) {
      const bareUrl = `http://127.0.0.1:${barePort}/bare/organizations/${big!.tenant_id}?q=${encodeURIComponent(entry.bare)}`;
      await load(bareUrl, {}, 2);
      const bareLatency = await sequentialLatency(bareUrl, {});
      const bareResult = await load(bareUrl, {});
      line += `   bare p95 ${bareLatency.p95.toFixed(1).padStart(5)} ms  ${bareResult.requests.average.toFixed(0).padStart(5)} req/s  ratio ${(app.requests.average / bareResult.requests.average).toFixed(2)}`;
    }
    console.log(line);
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  // BENCH_KEEP_DATABASE=1 leaves the seeded database behind, to look at query plans.
  if (process.env.BENCH_KEEP_DATABASE) console.log(`kept database ${dbName}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Rows as the API would store them: names, phones (E.164 and as dialled at home) in search_text. */
async function seed(client: pg.Client, tenantId: string, count: number) {
  await client.query(
    `WITH rows AS (
       SELECT g, gen_random_uuid() AS id,
              initcap((ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + g % ${WORDS.length}]) || ' ' ||
              initcap((ARRAY[${CITIES.map((c) => `'${c}'`).join(',')}])[1 + (g / ${WORDS.length}) % ${CITIES.length}]) || ' ' || g || ' BV' AS name,
              '+316' || lpad(g::text, 8, '0') AS e164
         FROM generate_series(1, $2::int) g
     ), organizations AS (
       INSERT INTO crm_organizations (tenant_id, id, name, is_customer, search_text)
       SELECT $1, id, name, true, lower(name) || ' ' || e164 || ' 06' || lpad(g::text, 8, '0') FROM rows
       RETURNING id
     )
     INSERT INTO crm_phones (tenant_id, organization_id, number, e164, label)
     SELECT $1, id, '06 ' || lpad(g::text, 8, '0'), e164, 'werk' FROM rows`,
    [tenantId, count],
  );
}

async function startApp(): Promise<number> {
  const port = await freePort();
  const app = spawn(process.execPath, [path.join(root, 'apps/server/src/main.ts')], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(app);
  for (let attempt = 0; attempt < 120; attempt++) {
    if (app.exitCode !== null) throw new Error(`app exited with ${app.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return port;
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

function createTenant(i: number): Promise<{ tenant_id: string; api_key: string }> {
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
        '--json',
      ],
      { env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    cli.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    cli.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`CLI exited with ${code}`))));
  });
}

function load(url: string, headers: Record<string, string>, duration = DURATION) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** p50 and p95 of requests sent one at a time: what one user waits, without the queue of a load test. */
async function sequentialLatency(url: string, headers: Record<string, string>) {
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}
