import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { provisionTenant, type ProvisionedTenant } from '../kernel/accounts/provision-tenant.ts';
import { loadConfig } from '../kernel/config/config.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { eq } from 'drizzle-orm';
import { accounts, users } from '../kernel/db/schema.ts';
import { cookieOf } from './session-helpers.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  kernel: Kernel;
  dataDir: string;
  /** A tenant with a verified owner and an API key, created like the operator CLI does. */
  createTenant(name?: string): Promise<ProvisionedTenant>;
  /** `app.inject` with the API key as bearer token. */
  api(key: string, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** A session cookie for this person: sets a known password and logs in like the browser does. */
  login(userId: string): Promise<string>;
  /** `app.inject` with the session cookie. */
  session(cookie: string, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientbox-test-'));
  const database = await openTestDatabase();
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PUBLIC_BASE_URL: 'http://localhost:3000',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const { app, kernel } = await buildApp({
    config,
    database,
    authSecret: 'test-secret-that-is-long-enough-for-better-auth',
    webDist: path.join(dataDir, 'no-web'),
  });
  await app.ready();
  return {
    app,
    kernel,
    dataDir,
    createTenant: (name = `Tenant ${++counter} BV`) =>
      provisionTenant(kernel, { name, email: `owner${Date.now()}${++counter}@example.test` }),
    api: (key, options) =>
      app.inject({ ...options, headers: { authorization: `Bearer ${key}`, ...(options.headers ?? {}) } }),
    login: async (userId) => {
      const password = 'test-password-1234';
      const hash = await (await kernel.auth.$context).password.hash(password);
      await database.owner.update(accounts).set({ password: hash }).where(eq(accounts.userId, userId));
      const [user] = await database.owner.select({ email: users.email }).from(users).where(eq(users.id, userId));
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: user!.email, password },
      });
      if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
      return cookieOf(response);
    },
    session: (cookie, options) => app.inject({ ...options, headers: { cookie, ...(options.headers ?? {}) } }),
    close: async () => {
      await app.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
