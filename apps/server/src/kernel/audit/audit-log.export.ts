import { asc, eq } from 'drizzle-orm';
import { auditEvents } from '../db/schema.ts';
import type { Exporter } from '../export/export-registry.ts';

interface AuditRow extends Record<string, unknown> {
  id: string;
  occurred_at: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

/**
 * The whole audit log, oldest first. Export only: it is the record of what happened in this
 * account; written into another account it would claim things happened there.
 */
export const auditLogExporter: Exporter<AuditRow> = {
  entity: 'audit.events',
  csv: true,
  columns: [
    'id',
    'occurred_at',
    'actor_type',
    'actor_id',
    'actor_name',
    'action',
    'target_type',
    'target_id',
    'ip',
    'user_agent',
    'request_id',
    'details',
  ],
  export: async ({ tenantId, tx }) => {
    const rows = await tx
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.tenantId, tenantId))
      .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
    return rows.map((row) => ({
      id: row.id,
      occurred_at: row.occurredAt.toISOString(),
      actor_type: row.actorType,
      actor_id: row.actorId,
      actor_name: row.actorName,
      action: row.action,
      target_type: row.targetType,
      target_id: row.targetId,
      ip: row.ip,
      user_agent: row.userAgent,
      request_id: row.requestId,
      details: row.details,
    }));
  },
};
