import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { provisionTenant } from '../kernel/accounts/provision-tenant.ts';
import {
  createOperatorBody,
  provisionTenantBody,
  publishTermsBody,
  stateChangeParams,
} from '../kernel/accounts/admin.routes.ts';
import { createOperatorUser } from '../kernel/operator/operator-staff.ts';
import { createAuth } from '../kernel/auth/create-auth.ts';
import { ConfigError, loadConfig, type Config } from '../kernel/config/config.ts';
import { resolveAuthSecret } from '../kernel/config/data-dir.ts';
import type { Database } from '../kernel/db/database.ts';
import { acquireLock, EmbeddedDatabaseBusyError, readLock } from '../kernel/db/embedded-lock.ts';
import { openDatabase } from '../kernel/db/open-database.ts';
import { changeTenantState } from '../kernel/entitlements/change-tenant-state.ts';
import { publishTermsVersion } from '../kernel/terms/terms.ts';

const USAGE = `Usage:
  npm run --silent admin -- tenant create --name "Acme BV" --email owner@acme.test [--owner-name "Ann"]
                                          [--modules crm,invoices,api | --modules all] [--seats 3] [--json]
  npm run --silent admin -- tenant expire-demo <tenant id> [--json]
  npm run --silent admin -- tenant suspend <tenant id> [--json]
  npm run --silent admin -- tenant reactivate <tenant id> [--json]
  npm run --silent admin -- tenant deactivate <tenant id> [--json]
  OPERATOR_PASSWORD=… npm run --silent admin -- operator create --email staff@operator.test --name "Sam"
                                          [--role admin|support] [--json]
  npm run --silent admin -- terms publish --version 2027-1 --effective-from 2027-01-01 --file terms.txt [--json]

"tenant create" makes a verified owner and a tenant and prints its id, the owner's id and a
working API key. Without --modules the tenant starts as a 14-day demo with every module; with
--modules it has an active contract with those modules (plus the base package) and --seats users.
"operator create" adds a member of the operator's staff to the console (a realm of its own);
the password comes from OPERATOR_PASSWORD (at least 12 characters), never from the command line.
Uses the same configuration as the server (DATA_DIR, DATABASE_URL, ...).`;

class UsageError extends Error {}

type Operation = {
  local(deps: { database: Database; config: Config }): Promise<unknown>;
  remotePath: string;
  remoteBody: unknown;
};

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      'owner-name': { type: 'string' },
      modules: { type: 'string' },
      seats: { type: 'string' },
      version: { type: 'string' },
      'effective-from': { type: 'string' },
      file: { type: 'string' },
      role: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const [noun, verb, id] = positionals;
  let operation: Operation;
  if (noun === 'terms' && verb === 'publish') operation = publishTermsOperation(values);
  else if (noun === 'operator' && verb === 'create') operation = createOperatorOperation(values);
  else if (noun === 'tenant' && verb)
    operation = verb === 'create' ? createOperation(values) : stateOperation(verb, id);
  else throw new UsageError(`unknown command "${positionals.join(' ')}"`);
  const result = await run(loadConfig(), operation);
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else console.log(JSON.stringify(result, null, 2));
}

function createOperation(values: Record<string, string | boolean | undefined>): Operation {
  const modules =
    typeof values.modules === 'string'
      ? values.modules === 'all'
        ? 'all'
        : values.modules.split(',').map((name) => name.trim())
      : undefined;
  const parsed = provisionTenantBody.safeParse({
    name: values.name,
    email: values.email,
    owner_name: values['owner-name'],
    modules,
    seats: typeof values.seats === 'string' ? Number(values.seats) : undefined,
  });
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((issue) => `--${String(issue.path[0]).replace('_', '-')}: ${issue.message}`).join('\n'),
    );
  }
  const body = parsed.data;
  return {
    remotePath: '/internal/admin/tenants',
    remoteBody: body,
    local: ({ database, config }) => {
      const auth = createAuth({
        database,
        baseUrl: config.publicBaseUrl,
        secret: resolveAuthSecret(config.dataDir, config.authSecret),
        sendMail: async () => undefined,
      });
      return provisionTenant(
        { database, auth },
        { name: body.name, email: body.email, ownerName: body.owner_name, modules: body.modules, seats: body.seats },
      );
    },
  };
}

function readTermsFile(file: string | boolean | undefined): string {
  if (typeof file !== 'string') return '';
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--file: cannot read ${file}`);
  }
}

function publishTermsOperation(values: Record<string, string | boolean | undefined>): Operation {
  const body = readTermsFile(values.file);
  const parsed = publishTermsBody.safeParse({
    version: values.version,
    effective_from: values['effective-from'],
    body,
  });
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((issue) => `--${String(issue.path[0]).replace('_', '-')}: ${issue.message}`).join('\n'),
    );
  }
  const input = parsed.data;
  return {
    remotePath: '/internal/admin/terms',
    remoteBody: input,
    local: ({ database }) =>
      publishTermsVersion(database.owner, {
        version: input.version,
        effectiveFrom: input.effective_from,
        body: input.body,
      }),
  };
}

function createOperatorOperation(values: Record<string, string | boolean | undefined>): Operation {
  const parsed = createOperatorBody.safeParse({
    email: values.email,
    name: values.name,
    role: values.role,
    password: process.env.OPERATOR_PASSWORD,
  });
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues
        .map((issue) =>
          issue.path[0] === 'password'
            ? `OPERATOR_PASSWORD: ${issue.message}`
            : `--${String(issue.path[0])}: ${issue.message}`,
        )
        .join('\n'),
    );
  }
  const body = parsed.data;
  return {
    remotePath: '/internal/admin/operators',
    remoteBody: body,
    local: ({ database, config }) =>
      createOperatorUser(
        {
          db: database.owner,
          auth: createAuth({
            database,
            baseUrl: config.publicBaseUrl,
            secret: resolveAuthSecret(config.dataDir, config.authSecret),
            sendMail: async () => undefined,
          }),
        },
        body,
      ),
  };
}

function stateOperation(verb: string, id: string | undefined): Operation {
  const parsed = stateChangeParams.safeParse({ id, change: verb.replace('-', '_') });
  if (!parsed.success)
    throw new UsageError(parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`).join('\n'));
  const { change } = parsed.data;
  return {
    remotePath: `/internal/admin/tenants/${parsed.data.id}/${change}`,
    remoteBody: undefined,
    local: ({ database }) => changeTenantState(database, parsed.data.id, change),
  };
}

/**
 * On the embedded database the CLI never opens a data directory the server holds: it asks the
 * running server (loopback + the token in the lock file) or, when no server runs, takes the
 * lock itself for the duration of the command. On PostgreSQL it connects directly.
 */
async function run(config: Config, operation: Operation): Promise<unknown> {
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.role === 'server' && holder.port && holder.adminToken) {
      const response = await fetch(`http://127.0.0.1:${holder.port}${operation.remotePath}`, {
        method: 'POST',
        headers: {
          'x-admin-token': holder.adminToken,
          ...(operation.remoteBody ? { 'content-type': 'application/json' } : {}),
        },
        ...(operation.remoteBody ? { body: JSON.stringify(operation.remoteBody) } : {}),
      });
      const body = (await response.json()) as {
        title?: string;
        detail?: string;
        errors?: { field: string; message: string }[];
      };
      if (!response.ok) {
        const fields = body.errors
          ? ` (${body.errors.map((error) => `${error.field}: ${error.message}`).join(', ')})`
          : '';
        throw new Error(`the running server refused: ${body.detail ?? body.title ?? response.status}${fields}`);
      }
      return body;
    }
    if (holder) throw new EmbeddedDatabaseBusyError(holder);
  }
  const lock = config.databaseUrl ? null : acquireLock(config.dataDir, 'cli');
  const database = await openDatabase(config);
  try {
    return await operation.local({ database, config });
  } finally {
    await database.close();
    lock?.release();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof EmbeddedDatabaseBusyError)
      console.error(
        `Stopped: ${error.message}, which is not a Clientbox server this command can talk to. Nothing was changed.`,
      );
    else console.error(`Failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
