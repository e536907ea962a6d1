import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const SERVER_ENTRY = fileURLToPath(new URL('../main.ts', import.meta.url));
const ADMIN_CLI = fileURLToPath(new URL('../cli/admin.ts', import.meta.url));

/**
 * The real server as a process of its own, for integration tests that need what only a process
 * shows (a kill in the middle of its work, a restart on the same database). Runs on the Node that
 * runs the tests.
 */
export interface ServerProcess {
  baseUrl: string;
  process: ChildProcess;
}

/** `apps/server/src/main.ts` started as `npm start` runs it; `processes` collects it for the cleanup. */
export async function startServerProcess(env: NodeJS.ProcessEnv, processes: ChildProcess[]): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...env, PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  processes.push(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    if (
      await fetch(`${baseUrl}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { baseUrl, process: child };
    await delay(250);
  }
  throw new Error('the server did not become ready within 60 s');
}

/** A tenant with an active contract for `modules` (and its API key), made by the operator CLI. */
export function createTenantByCli(
  env: NodeJS.ProcessEnv,
  tenant: { name: string; email: string; modules: string },
): Promise<{ tenant_id: string; api_key: string }> {
  const args = ['tenant', 'create', '--name', tenant.name, '--email', tenant.email, '--modules', tenant.modules];
  const cli = spawn(process.execPath, [ADMIN_CLI, ...args, '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  cli.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) =>
    cli.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`CLI exited with ${code}`)))),
  );
}

/** A JSON request with an API key; anything but 2xx fails with the answer. */
export async function requestJson(
  baseUrl: string,
  key: string,
  method: string,
  url: string,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<any> {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
