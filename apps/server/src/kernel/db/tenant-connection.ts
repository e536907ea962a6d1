import pg from 'pg';
import pgUtils from 'pg/lib/utils.js';

/**
 * One checkout of a pooled connection for one tenant request, sending as few messages as the
 * work allows (each message costs the server and this process a write and a read):
 *
 * - The tenant is set with a session-level `set_config(…, false)` glued in front of the first
 *   statement. This is safe only because the pool is private to `withTenant`/`withoutTenant`
 *   and every checkout sets the tenant (or '') before its first statement: a connection never
 *   runs a statement with the previous user's tenant.
 * - Reads run without an explicit transaction (each statement is atomic on its own); the first
 *   write (or SELECT … FOR UPDATE) opens one, so every write of the request commits or rolls
 *   back together. A read-only request therefore costs one round trip, like a bare query.
 * - To glue the preamble to a parameterized statement, the parameters are inlined as quoted
 *   literals of unknown type — exactly the text node-postgres would send, which PostgreSQL
 *   types from context just like a parameter. Anything not representable that way (binary,
 *   named prepared statements, SQL with its own quotes) is sent as usual after the preamble.
 */
export interface TenantCheckout {
  client: pg.PoolClient;
  /** Ends the request: commits when a transaction was opened. */
  finish(): Promise<void>;
  /** Rolls back a transaction that was opened. */
  abort(): Promise<void>;
}

type QueryFunction = (config: unknown, values?: unknown) => Promise<unknown>;

const READ_ONLY = /^\s*select\b/i;
const LOCKING = /\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i;

export function checkoutForTenant(client: pg.PoolClient, tenantId: string): TenantCheckout {
  const send = client.query.bind(client) as QueryFunction;
  let hasSentTenant = false;
  let isInTransaction = false;

  const query: QueryFunction = async (config, values) => {
    const text = typeof config === 'string' ? config : ((config as { text?: string }).text ?? '');
    const isWrite = !READ_ONLY.test(text) || LOCKING.test(text);
    let preamble = '';
    if (isWrite && !isInTransaction) {
      preamble += 'BEGIN; ';
      isInTransaction = true;
    }
    if (!hasSentTenant) {
      preamble += `SELECT set_config('app.tenant_id', '${tenantId}', false); `;
      hasSentTenant = true;
    }
    if (!preamble) return send(config, values);
    const params = Array.isArray(values) ? values : ((config as { values?: unknown[] }).values ?? []);
    const inlined =
      typeof config === 'object' && (config as { name?: string }).name ? null : inlineParameters(text, params);
    if (inlined === null) {
      await send(preamble);
      return send(config, values);
    }
    const options = typeof config === 'object' ? { ...(config as object), values: undefined } : {};
    const results = await send({ ...options, text: preamble + inlined });
    return Array.isArray(results) ? results[results.length - 1] : results;
  };

  const proxy = new Proxy(client, {
    get: (target, property, receiver) => (property === 'query' ? query : Reflect.get(target, property, receiver)),
  });

  return {
    client: proxy,
    finish: async () => {
      if (isInTransaction) await send('COMMIT');
    },
    abort: async () => {
      if (isInTransaction) await send('ROLLBACK');
    },
  };
}

/** `$1`… replaced by quoted literals; null when the statement or a value cannot be inlined safely. */
export function inlineParameters(text: string, params: unknown[]): string | null {
  if (text.includes("'") || text.includes('$$') || text.includes('"$')) return null;
  let isSafe = true;
  const inlined = text.replace(/\$(\d+)/g, (_, index: string) => {
    const value = pgUtils.prepareValue(params[Number(index) - 1]);
    if (value === null || value === undefined) return 'NULL';
    if (typeof value !== 'string') {
      isSafe = false;
      return '';
    }
    return pg.escapeLiteral(value);
  });
  return isSafe ? inlined : null;
}
