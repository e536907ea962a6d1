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
// The raw SQL work of issuing an invoice, without tenancy, auth, validation, totals, snapshot or
// documents: in one transaction the counter bump (the same row lock that serializes numbering),
// the invoice row and its lines in one statement (invoices benchmark).
app.post('/bare/invoices/:tenantId', async (request, reply) => {
  const { tenantId } = request.params as { tenantId: string };
  const body = request.body as {
    customer_id: string;
    lines: { description: string; quantity: string; unit_price: string; vat_rate: string }[];
  };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const year = new Date().getUTCFullYear();
    const counter = await client.query<{ last_number: number }>(
      `INSERT INTO document_number_counters (tenant_id, document_type, year, last_number) VALUES ($1, 'invoice', $2, 1)
       ON CONFLICT (tenant_id, document_type, year) DO UPDATE SET last_number = document_number_counters.last_number + 1
       RETURNING last_number`,
      [tenantId, year],
    );
    const number = `${year}-${String(counter.rows[0]!.last_number).padStart(5, '0')}`;
    const invoice = await client.query<{ id: string }>(
      `INSERT INTO invoices (tenant_id, type, number, organization_id, issue_date) VALUES ($1, 'invoice', $2, $3, current_date)
       RETURNING id`,
      [tenantId, number, body.customer_id],
    );
    const values: unknown[] = [tenantId, invoice.rows[0]!.id];
    const rows = body.lines.map((line, position) => {
      values.push(position, line.description, line.quantity, line.unit_price, line.vat_rate);
      const at = values.length - 4;
      return `($1, $2, $${at}, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4})`;
    });
    await client.query(
      `INSERT INTO invoice_lines (tenant_id, invoice_id, position, description, quantity, unit_price, vat_rate)
       VALUES ${rows.join(', ')}`,
      values,
    );
    await client.query('COMMIT');
    return reply.code(201).send({ id: invoice.rows[0]!.id, number });
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
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
