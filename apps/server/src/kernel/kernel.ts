import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from './clock/clock.ts';
import type { DailyTasks } from './jobs/daily-tasks.ts';
import type { ApiKeyVerifier } from './accounts/api-key-verifier.ts';
import type { Auth, SendTemplatedMail } from './auth/create-auth.ts';
import type { Config } from './config/config.ts';
import type { Database } from './db/database.ts';
import type { TenantAccessReader } from './entitlements/tenant-access.ts';
import type { ExportRegistry } from './export/export-registry.ts';
import type { Principal } from './http/principal.ts';
import type { RouteSpec } from './http/route-spec.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { Mailer } from './mail/index.ts';
import type { FileStorage } from './storage/index.ts';

/**
 * The platform services a module may use. Modules receive this object in `register` and never
 * reach for globals; the kernel itself never imports a module.
 */
export interface Kernel {
  config: Config;
  app: FastifyInstance;
  database: Database;
  auth: Auth;
  mailer: Mailer;
  sendMail: SendTemplatedMail;
  storage: FileStorage;
  jobs: JobRunner;
  /** Work done once a day per tenant (reminders); started by the process, run by the dev clock too. */
  daily: DailyTasks;
  /** The day scheduled work reckons with (movable only with CLOCK_ADJUSTABLE=true). */
  clock: Clock;
  /** What goes into the tenant's export archive (terms art. 17): one exporter per entity type. */
  exports: ExportRegistry;
  apiKeys: ApiKeyVerifier;
  tenantAccess: TenantAccessReader;
  resolvePrincipal(request: FastifyRequest): Promise<Principal | null>;
  route<Params, Query, Body>(spec: RouteSpec<Params, Query, Body>): void;
}
