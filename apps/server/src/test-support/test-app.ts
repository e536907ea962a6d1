import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { provisionTenant, type ProvisionedTenant } from '../kernel/accounts/provision-tenant.ts';
import { loadConfig } from '../kernel/config/config.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  kernel: Kernel;
  dataDir: string;
  /** A tenant with a verified owner and an API key, created like the operator CLI does. */
  createTenant(name?: string): Promise<ProvisionedTenant>;
  /** `app.inject` with the API key as bearer token. */
  api(key: string, options: InjectOptions): Promise<LightMyRequestResponse>;
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
    close: async () => {
      await app.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
