import { parseAmount, parseQuantity, parseUnitPrice, VAT_CATEGORIES } from '@clientbox/contracts';
import { z } from 'zod';
import { decimalText, invalidArchive, nullableText, parseArchiveRows } from '../../../kernel/export/archive-rows.ts';
import type { ExportContext, ImportableExporter, ImportContext } from '../../../kernel/export/export-registry.ts';
import { lineFieldsOf, type StoredLineFields, storedLineFieldsOf } from '../document-line-fields.ts';

/**
 * The archive columns of a document line, the same for every document made of lines (invoices,
 * credit notes, quotes): its place, what it sells and the amounts as entered.
 */
const lineFields = {
  position: z.number().int().min(0).max(10_000),
  kind: z.enum(['item', 'text', 'heading']),
  product_id: z.uuid().nullable(),
  product_code: nullableText,
  description: z.string().max(2000),
  quantity: decimalText(parseQuantity),
  unit_code: z.string().min(1).max(3),
  unit_price: decimalText(parseUnitPrice),
  vat_rate: decimalText(parseQuantity).nullable(),
  vat_category: z.enum(VAT_CATEGORIES),
  discount_percent: decimalText(parseQuantity).nullable(),
  discount_amount: decimalText(parseAmount).nullable(),
};
type ArchivedLine = z.output<z.ZodObject<typeof lineFields>>;

/** A line of one document, as a line table stores it, with the columns only this kind of document has. */
export interface DocumentLine<Own> {
  documentId: string;
  line: StoredLineFields & { position: number };
  own: Own;
}

export interface DocumentLinesSpec<OwnFields extends z.ZodRawShape> {
  entity: string;
  /** The entity of the documents the lines belong to. */
  importAfter: readonly string[];
  /** The column naming the document, e.g. `invoice_id`. */
  documentColumn: string;
  /** How an import's errors name a document: `document`, `quote`. */
  document: string;
  /** The columns only this kind of document's lines have, after the common ones. */
  ownFields: OwnFields;
  list(ctx: ExportContext): Promise<DocumentLine<z.output<z.ZodObject<OwnFields>>>[]>;
  hasData(ctx: ExportContext): Promise<boolean>;
  /** Of these documents, those the import has written (the lines' documents come first). */
  writtenDocuments(ctx: ImportContext, documentIds: string[]): Promise<{ has(documentId: string): boolean }>;
  insert(ctx: ImportContext, lines: DocumentLine<z.output<z.ZodObject<OwnFields>>>[]): Promise<void>;
}

type LineArchiveRow = Record<string, unknown> & ArchivedLine;

/**
 * The exporter of a kind of document's lines (invoices and credit notes, quotes): one row per
 * document and position, `<document column>`, the common line columns, then its own. An import
 * writes them while their documents are still drafts, so the triggers that freeze an issued or
 * sent document never have to let a line in.
 */
export function documentLinesExporter<OwnFields extends z.ZodRawShape>(
  spec: DocumentLinesSpec<OwnFields>,
): ImportableExporter<LineArchiveRow> {
  type Own = z.output<z.ZodObject<OwnFields>>;
  const { entity, documentColumn } = spec;
  const lineRow = z.strictObject({ [documentColumn]: z.uuid(), ...lineFields, ...spec.ownFields });
  const ownColumns = Object.keys(spec.ownFields);
  const documentOf = (row: LineArchiveRow) => row[documentColumn] as string;

  return {
    entity,
    csv: true,
    importAfter: spec.importAfter,
    columns: Object.keys(lineRow.shape),

    async export(ctx) {
      return (await spec.list(ctx)).map(({ documentId, line, own }) => ({
        [documentColumn]: documentId,
        position: line.position,
        ...lineFieldsOf(line),
        ...own,
      }));
    },

    hasData: (ctx) => spec.hasData(ctx),

    async import(ctx, rows) {
      const parsed = parseArchiveRows(entity, lineRow, rows) as LineArchiveRow[];
      if (new Set(parsed.map((row) => `${documentOf(row)}|${row.position}`)).size !== parsed.length)
        throw invalidArchive(entity, `a position occurs twice in one ${spec.document}`);
      const written = await spec.writtenDocuments(ctx, parsed.map(documentOf));
      const orphan = parsed.findIndex((row) => !written.has(documentOf(row)));
      if (orphan >= 0)
        throw invalidArchive(entity, `row ${orphan + 1}: belongs to a ${spec.document} the archive does not hold`);
      await spec.insert(
        ctx,
        parsed.map((row) => ({
          documentId: documentOf(row),
          line: { position: row.position, ...storedLineFieldsOf(row) },
          own: Object.fromEntries(ownColumns.map((column) => [column, row[column]])) as Own,
        })),
      );
    },
  };
}
