import type { ModuleName } from '@clientbox/contracts';
import type { Database } from '../db/database.ts';
import { tenants } from '../db/schema.ts';
import type { TenantAccessReader } from '../entitlements/tenant-access.ts';
import { SYSTEM_ACTOR, type TenantContext } from '../tenancy/tenant-context.ts';

/** Work a module does once a day for every tenant that has it (reminders, later the billing run). */
export interface DailyTask {
  name: string;
  /** Only tenants with this module; a demo has every module. */
  entitlement: ModuleName;
  /** Runs in the tenant's transaction as the system. Must be safe to run twice on one day. */
  run(ctx: TenantContext, today: string): Promise<void>;
}

export interface DailyTasks {
  register(task: DailyTask): void;
  /** Runs every task for every tenant that may write today; one tenant's failure does not stop the rest. */
  runAll(today: string): Promise<{ failures: { task: string; tenantId: string; error: unknown }[] }>;
}

export function createDailyTasks(database: Database, tenantAccess: TenantAccessReader): DailyTasks {
  const tasks: DailyTask[] = [];
  return {
    register(task) {
      if (tasks.some((known) => known.name === task.name)) throw new Error(`daily task "${task.name}" twice`);
      tasks.push(task);
    },
    async runAll(today) {
      const failures: { task: string; tenantId: string; error: unknown }[] = [];
      if (tasks.length === 0) return { failures };
      const ids = await database.owner.select({ id: tenants.id }).from(tenants);
      for (const { id: tenantId } of ids) {
        const access = await tenantAccess.get(tenantId);
        // A suspended, expired or deactivated tenant is read-only: nothing is sent in its name.
        if (!access || (access.state !== 'active' && access.state !== 'demo')) continue;
        for (const task of tasks) {
          if (!access.modules.includes(task.entitlement)) continue;
          try {
            await database.withTenant(tenantId, (tx) =>
              task.run(
                {
                  tenantId,
                  actor: SYSTEM_ACTOR,
                  role: 'owner',
                  locale: 'nl',
                  meta: { requestId: null, ip: null, userAgent: null },
                  tx,
                  access,
                },
                today,
              ),
            );
          } catch (error) {
            failures.push({ task: task.name, tenantId, error });
          }
        }
      }
      return { failures };
    },
  };
}

/** Runs the daily tasks now and then every interval (a new day is noticed within the interval). */
export function startDailyTasks(
  dailyTasks: DailyTasks,
  today: () => string,
  logger: { warn(obj: object, msg: string): void },
  intervalMs = 15 * 60_000,
) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = dailyTasks
      .runAll(today())
      .then(({ failures }) => {
        for (const failure of failures) logger.warn(failure, 'daily task failed for a tenant');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'daily tasks failed'))
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
