import { parseArgs } from 'node:util';
import { provisionTenant, type ProvisionedTenant } from '../kernel/accounts/provision-tenant.ts';
import { provisionTenantBody } from '../kernel/accounts/admin.routes.ts';
import { createAuth } from '../kernel/auth/create-auth.ts';
import { ConfigError, loadConfig } from '../kernel/config/config.ts';
import { resolveAuthSecret } from '../kernel/config/data-dir.ts';
import { acquireLock, EmbeddedDatabaseBusyError, readLock } from '../kernel/db/embedded-lock.ts';
import { openDatabase } from '../kernel/db/open-database.ts';

const USAGE = `Usage: npm run --silent admin -- tenant create --name "Acme BV" --email owner@acme.test [--owner-name "Ann"] [--json]

Creates a tenant with a verified owner and prints its id, the owner's id and a working API key.
Uses the same configuration as the server (DATA_DIR, DATABASE_URL, ...).`;

class UsageError extends Error {}

/**
 * Operator CLI. On the embedded database it never opens a data directory the server holds: it
 * asks the running server (loopback + the token in the lock file) or, when no server runs,
 * takes the lock itself for the duration of the command.
 */
async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      'owner-name': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if (positionals.join(' ') !== 'tenant create') throw new UsageError(`unknown command "${positionals.join(' ')}"`);
  const parsed = provisionTenantBody.safeParse({
    name: values.name,
    email: values.email,
    owner_name: values['owner-name'],
  });
  if (!parsed.success)
    throw new UsageError(
      parsed.error.issues.map((issue) => `--${String(issue.path[0]).replace('_', '-')}: ${issue.message}`).join('\n'),
    );

  const config = loadConfig();
  const input = { name: parsed.data.name, email: parsed.data.email, ownerName: parsed.data.owner_name };
  const result = config.databaseUrl ? await provisionDirectly(config, input) : await provisionEmbedded(config, input);
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    console.log(
      `Tenant ${result.tenant_id} created.\nOwner user: ${result.user_id}\nAPI key (shown once): ${result.api_key}`,
    );
}

type Input = { name: string; email: string; ownerName?: string | undefined };

async function provisionDirectly(config: ReturnType<typeof loadConfig>, input: Input): Promise<ProvisionedTenant> {
  const database = await openDatabase(config);
  try {
    const auth = createAuth({
      database,
      baseUrl: config.publicBaseUrl,
      secret: resolveAuthSecret(config.dataDir, config.authSecret),
      sendMail: async () => undefined,
    });
    return await provisionTenant({ database, auth }, input);
  } finally {
    await database.close();
  }
}

async function provisionEmbedded(config: ReturnType<typeof loadConfig>, input: Input): Promise<ProvisionedTenant> {
  const holder = readLock(config.dataDir);
  if (holder?.role === 'server' && holder.port && holder.adminToken) {
    const response = await fetch(`http://127.0.0.1:${holder.port}/internal/admin/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-token': holder.adminToken },
      body: JSON.stringify({
        name: input.name,
        email: input.email,
        ...(input.ownerName ? { owner_name: input.ownerName } : {}),
      }),
    });
    const body = (await response.json()) as ProvisionedTenant & {
      title?: string;
      detail?: string;
      errors?: { field: string; message: string }[];
    };
    if (!response.ok)
      throw new Error(
        `the running server refused: ${body.title ?? response.status}${body.errors ? ` (${body.errors.map((e) => `${e.field}: ${e.message}`).join(', ')})` : ''}`,
      );
    return body;
  }
  if (holder) throw new EmbeddedDatabaseBusyError(holder);
  const lock = acquireLock(config.dataDir, 'cli');
  try {
    return await provisionDirectly(config, input);
  } finally {
    lock.release();
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
