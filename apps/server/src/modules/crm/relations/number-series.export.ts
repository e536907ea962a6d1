import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { relationNumberSeries } from '../crm.tables.ts';
import { hasRows, parseRows } from './export-rows.ts';
import { allOrganizationRows } from './organizations.repository.ts';
import { allPersonRows } from './persons.repository.ts';
import { refreshOrganizationSearchText, refreshPersonSearchText } from './relation-details.ts';

/**
 * The debtor and creditor counters. Imported last of the relations: it continues the counters
 * after the highest number imported and rebuilds the search texts of everything imported before.
 */
const seriesRow = z.object({ series: z.enum(['debtor', 'creditor']), next: z.number().int().min(1) });
type SeriesExportRow = z.infer<typeof seriesRow>;

export const numberSeriesExporter: ImportableExporter<SeriesExportRow> = {
  entity: 'crm.number_series',
  csv: true,
  columns: ['series', 'next'],
  async export({ tenantId, tx }) {
    return tx
      .select({ series: relationNumberSeries.series, next: relationNumberSeries.next })
      .from(relationNumberSeries)
      .where(eq(relationNumberSeries.tenantId, tenantId));
  },
  hasData: (ctx) => hasRows(ctx, relationNumberSeries),
  async import(ctx, rows) {
    const parsed = parseRows(this.entity, seriesRow, rows);
    const organizationRows = await allOrganizationRows(ctx.tx, ctx.tenantId);
    // Numbers once given are never given again: the counter continues after the highest one imported.
    for (const series of ['debtor', 'creditor'] as const) {
      const sequences = organizationRows
        .map((row) => Number((series === 'debtor' ? row.debtorNumber : row.creditorNumber)?.replace(/\D/g, '')))
        .filter((sequence) => Number.isFinite(sequence));
      const next = Math.max(1 + Math.max(0, ...sequences), parsed.find((row) => row.series === series)?.next ?? 1);
      if (next > 1) await ctx.tx.insert(relationNumberSeries).values({ tenantId: ctx.tenantId, series, next });
    }
    for (const row of organizationRows) await refreshOrganizationSearchText(ctx.tx, row);
    for (const row of await allPersonRows(ctx.tx, ctx.tenantId)) await refreshPersonSearchText(ctx.tx, row);
  },
};
