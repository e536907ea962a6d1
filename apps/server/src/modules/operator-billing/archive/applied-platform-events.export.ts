import type { ExportOnlyExporter } from '../../../kernel/export/export-registry.ts';
import { allAppliedPlatformEventRows } from '../operator-billing.repository.ts';

interface AppliedEventArchiveRow extends Record<string, unknown> {
  event_id: string;
  applied_at: string;
}

/**
 * The platform events this tenant applied, and when. **Export only**: a record of what happened
 * here, like the audit log; its ids are events of this installation's outbox, which never reach
 * another tenant, so restoring them would guard against nothing.
 */
export const appliedPlatformEventsExporter: ExportOnlyExporter<AppliedEventArchiveRow> = {
  entity: 'operator_billing.applied_platform_events',
  csv: true,
  columns: ['event_id', 'applied_at'],

  async export(ctx) {
    return (await allAppliedPlatformEventRows(ctx.tx, ctx.tenantId)).map((row) => ({
      event_id: row.eventId,
      applied_at: row.appliedAt.toISOString(),
    }));
  },
};
