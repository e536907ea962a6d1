import { z } from 'zod';
import { invalidArchive, parseArchiveRows } from '../../../kernel/export/archive-rows.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { counterYear, DEFAULT_NUMBER_FORMATS } from '../domain/document-number.ts';
import { sequenceInNumber } from '../domain/number-sequence.ts';
import { ENTITIES } from './archive-rows.ts';
import {
  allCounterRows,
  allSeriesRows,
  hasArchiveRows,
  insertCounterRows,
  insertSeriesRows,
  issuedNumbers,
} from './invoice-archive.repository.ts';

const DOCUMENT_TYPES = ['invoice', 'credit_note', 'quote'] as const;

const seriesRow = z.strictObject({
  document_type: z.enum(DOCUMENT_TYPES),
  format: z
    .string()
    .min(1)
    .max(50)
    .regex(/\{seq(?::\d+)?\}/, 'a number format has {seq}'),
});
type SeriesArchiveRow = z.output<typeof seriesRow>;

/** A tenant's own number formats (none stored: the defaults, `{YYYY}-{seq:05}` and so on). */
export const numberSeriesExporter: ImportableExporter<SeriesArchiveRow> = {
  entity: ENTITIES.series,
  csv: true,
  columns: ['document_type', 'format'],
  export: async ({ tenantId, tx }) =>
    (await allSeriesRows(tx, tenantId)).map((row) => ({ document_type: row.documentType, format: row.format })),
  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'series'),
  async import(ctx, rows) {
    const parsed = parseArchiveRows(ENTITIES.series, seriesRow, rows);
    if (new Set(parsed.map((row) => row.document_type)).size !== parsed.length)
      throw invalidArchive(ENTITIES.series, 'a document type occurs twice');
    await insertSeriesRows(
      ctx.tx,
      parsed.map((row) => ({ tenantId: ctx.tenantId, documentType: row.document_type, format: row.format })),
    );
  },
};

const counterRow = z.strictObject({
  document_type: z.enum(DOCUMENT_TYPES),
  /** The issue year of a yearly series, 0 for a series that never restarts. */
  year: z.number().int().min(0).max(9999),
  last_number: z.number().int().min(0),
});
type CounterArchiveRow = z.output<typeof counterRow>;

/**
 * The last number given per series and year. Numbers once given are never given again (§1.2):
 * an import continues each counter after the highest number it restored, whatever the counter
 * row says, so the next finalization cannot collide with an imported document.
 */
export const numberCountersExporter: ImportableExporter<CounterArchiveRow> = {
  entity: ENTITIES.counters,
  csv: true,
  importAfter: [ENTITIES.series, ENTITIES.invoices],
  columns: ['document_type', 'year', 'last_number'],
  export: async ({ tenantId, tx }) =>
    (await allCounterRows(tx, tenantId)).map((row) => ({
      document_type: row.documentType,
      year: row.year,
      last_number: row.lastNumber,
    })),
  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'counters'),
  async import(ctx, rows) {
    const parsed = parseArchiveRows(ENTITIES.counters, counterRow, rows);
    const last = new Map<string, number>();
    for (const row of parsed) {
      const key = `${row.document_type}|${row.year}`;
      if (last.has(key)) throw invalidArchive(ENTITIES.counters, `${key} occurs twice`);
      last.set(key, row.last_number);
    }
    const formats = new Map((await allSeriesRows(ctx.tx, ctx.tenantId)).map((row) => [row.documentType, row.format]));
    for (const document of await issuedNumbers(ctx.tx, ctx.tenantId)) {
      const format = formats.get(document.type) ?? DEFAULT_NUMBER_FORMATS[document.type];
      const sequence = sequenceInNumber(format, document.number!);
      if (sequence === null || !document.issueDate) continue;
      const key = `${document.type}|${counterYear(format, document.issueDate)}`;
      last.set(key, Math.max(last.get(key) ?? 0, sequence));
    }
    await insertCounterRows(
      ctx.tx,
      [...last].map(([key, lastNumber]) => {
        const [documentType, year] = key.split('|') as [(typeof DOCUMENT_TYPES)[number], string];
        return { tenantId: ctx.tenantId, documentType, year: Number(year), lastNumber };
      }),
    );
  },
};
