import Fastify from 'fastify';
import pg from 'pg';

/** The baseline: Fastify and one pg query, nothing else (no auth, no transaction, no RLS). */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify({ logger: false });
app.get('/bare/audit_events/:tenantId', async (request) => {
  const { tenantId } = request.params as { tenantId: string };
  const { rows } = await pool.query(
    'SELECT * FROM audit_events WHERE tenant_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 51',
    [tenantId],
  );
  return { object: 'list', data: rows.slice(0, 50), has_more: rows.length > 50 };
});
// The same work as a "contains" search, without tenancy, auth or transaction (CRM search benchmark).
app.get('/bare/organizations/:tenantId', async (request) => {
  const { tenantId } = request.params as { tenantId: string };
  const { q } = request.query as { q: string };
  const { rows } = await pool.query(
    `SELECT id, name FROM crm_organizations WHERE tenant_id = $1 AND search_text LIKE $2 ORDER BY name, id LIMIT 26`,
    [tenantId, `%${q.toLowerCase()}%`],
  );
  return { object: 'list', data: rows.slice(0, 25), has_more: rows.length > 25 };
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
