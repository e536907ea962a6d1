import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, startApp } from './support/app-process.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

function uploadAcrossShutdown(
  app: AppProcess,
  apiKey: string,
): Promise<{ status: number; stopped: ReturnType<AppProcess['stop']> }> {
  const boundary = 'clientbox-shutdown';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const request = http.request(`${app.baseUrl}/api/v1/company/logo`, {
      method: 'POST',
      agent: false,
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + PNG.length + tail.length,
      },
    });
    let stopped: ReturnType<AppProcess['stop']>;
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, stopped }));
    });
    request.on('error', reject);
    request.write(Buffer.concat([head, PNG.subarray(0, 8)]));
    setTimeout(() => {
      stopped = app.stop();
      setTimeout(() => request.end(Buffer.concat([PNG.subarray(8), tail])), 300);
    }, 300);
  });
}

function adminCli(app: AppProcess, args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'admin', '--', ...args], {
    cwd: root,
    env: app.env,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe(`operations on the real process (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app.dispose();
  });

  it('is live and ready', async () => {
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it("the operator CLI prints a working API key, through the running server; another tenant's key never sees that profile", async () => {
    const first = adminCli(app, ['tenant', 'create', '--name', 'Acme BV', '--email', 'owner@acme.test', '--json']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const acme = JSON.parse(first.stdout);
    expect(Object.keys(acme).sort()).toEqual(['api_key', 'tenant_id', 'user_id']);
    const other = JSON.parse(
      adminCli(app, ['tenant', 'create', '--name', 'Other BV', '--email', 'owner@other.test', '--json']).stdout,
    );

    const own = await fetch(`${app.baseUrl}/api/v1/company`, { headers: { authorization: `Bearer ${acme.api_key}` } });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ tenant_id: acme.tenant_id, legal_name: 'Acme BV' });
    const foreign = await (
      await fetch(`${app.baseUrl}/api/v1/company`, { headers: { authorization: `Bearer ${other.api_key}` } })
    ).json();
    expect(foreign.tenant_id).toBe(other.tenant_id);
    expect(JSON.stringify(foreign)).not.toContain('Acme BV');
  });

  it('the CLI sets a contract with --modules and moves a tenant through suspend and reactivate (terms art. 11, 13)', async () => {
    const crmOnly = JSON.parse(
      adminCli(app, ['tenant', 'create', '--name', 'Crm BV', '--email', 'owner@crm.test', '--modules', 'crm', '--json'])
        .stdout,
    );
    const refused = await fetch(`${app.baseUrl}/api/v1/company`, {
      headers: { authorization: `Bearer ${crmOnly.api_key}` },
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('module_not_enabled');

    const full = JSON.parse(
      adminCli(app, [
        'tenant',
        'create',
        '--name',
        'Full BV',
        '--email',
        'owner@full.test',
        '--modules',
        'all',
        '--seats',
        '3',
        '--json',
      ]).stdout,
    );
    const patch = () =>
      fetch(`${app.baseUrl}/api/v1/company`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${full.api_key}`, 'content-type': 'application/json' },
        body: '{"city":"Delft"}',
      });
    expect((await patch()).status).toBe(200);
    const suspended = adminCli(app, ['tenant', 'suspend', full.tenant_id, '--json']);
    expect(suspended.status).toBe(0);
    expect(JSON.parse(suspended.stdout)).toMatchObject({ state: 'suspended', seats: 3 });
    // On PostgreSQL the CLI writes directly; the server sees the change within its 5 s cache.
    await expect.poll(async () => (await patch()).status, { timeout: 10_000, interval: 500 }).toBe(403);
    expect(adminCli(app, ['tenant', 'reactivate', full.tenant_id, '--json']).status).toBe(0);
    await expect.poll(async () => (await patch()).status, { timeout: 10_000, interval: 500 }).toBe(200);
    const again = adminCli(app, ['tenant', 'reactivate', full.tenant_id, '--json']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/active tenant cannot reactivate/);
  });

  it('the operator publishes a new terms version with the CLI; tenants see it coming (terms art. 3)', async () => {
    const file = path.join(app.dataDir, 'terms-2099.txt');
    fs.writeFileSync(file, 'Artikel 1: nieuwe definities.');
    const published = adminCli(app, [
      'terms',
      'publish',
      '--version',
      '2099-1',
      '--effective-from',
      '2099-01-01',
      '--file',
      file,
      '--json',
    ]);
    expect(published.stderr).toBe('');
    expect(JSON.parse(published.stdout)).toEqual({ version: '2099-1', effective_from: '2099-01-01' });
    expect((await (await fetch(`${app.baseUrl}/api/v1/public/terms`)).json()).version).toBe('2026-1');
    const tenant = JSON.parse(
      adminCli(app, ['tenant', 'create', '--name', 'Terms BV', '--email', 'owner@terms.test', '--json']).stdout,
    );
    const status = await (
      await fetch(`${app.baseUrl}/api/v1/terms/status`, { headers: { authorization: `Bearer ${tenant.api_key}` } })
    ).json();
    expect(status).toMatchObject({
      current: { version: '2026-1' },
      upcoming: { version: '2099-1' },
      needs_acceptance: true,
    });
  });

  it('the CLI refuses bad input with a clear message and changes nothing', () => {
    const result = adminCli(app, ['tenant', 'create', '--name', 'X', '--email', 'not-an-email', '--json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--email/);
    expect(result.stdout).toBe('');
  });

  it('keeps data across a restart, and stops cleanly on SIGTERM within 10 s', async () => {
    const created = JSON.parse(
      adminCli(app, ['tenant', 'create', '--name', 'Durable BV', '--email', 'owner@durable.test', '--json']).stdout,
    );
    await fetch(`${app.baseUrl}/api/v1/company`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${created.api_key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ city: 'Zwolle', kvk_number: '12345678' }),
    });
    // A request in flight when SIGTERM arrives still gets its answer: an upload whose body is
    // only half sent when the signal comes.
    const { status, stopped } = await uploadAcrossShutdown(app, created.api_key);
    expect(status).toBe(204);
    const { code, milliseconds } = await stopped;
    expect(code).toBe(0);
    expect(milliseconds).toBeLessThan(10_000);

    app = await startApp({}, { dataDir: app.dataDir, env: app.env });
    const after = await (
      await fetch(`${app.baseUrl}/api/v1/company`, { headers: { authorization: `Bearer ${created.api_key}` } })
    ).json();
    expect(after).toMatchObject({ legal_name: 'Durable BV', city: 'Zwolle', kvk_number: '12345678' });
  });

  it('refuses to start a second server on the same embedded database', () => {
    if (process.env.DATABASE_URL) return; // a real server has its own locking
    const second = spawnSync(process.execPath, [path.join(root, 'apps/server/src/main.ts')], {
      env: { ...app.env, PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/in use by server process/);
  });

  it('serves the web app at / and at deep links; a missing asset or API path is a 404', async () => {
    for (const path of ['/', '/settings/company', '/invitations/abc/accept']) {
      const response = await fetch(`${app.baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
    expect((await fetch(`${app.baseUrl}/assets/missing.js`)).status).toBe(404);
    const api = await fetch(`${app.baseUrl}/api/v1/missing`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('publishes the OpenAPI 3.1 document and its reference page', async () => {
    const document = await (await fetch(`${app.baseUrl}/api/v1/openapi.json`)).json();
    expect(document.openapi).toBe('3.1.0');
    expect(
      document.paths['/api/v1/company'].patch.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('kvk_number');
    const page = await fetch(`${app.baseUrl}/api/v1/reference`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Clientbox API');
  });
});
