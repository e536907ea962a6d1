import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import {
  FILE_ROWS_PER_INSERT,
  hasTenantRows,
  inChunks,
  storedFileContents,
} from '../../../kernel/export/archive-tables.ts';
import type { StoredQuoteStatus } from '../domain/quote-status.ts';
import { quoteFiles, quoteLines, quotes } from '../quotes.tables.ts';

/**
 * Every read and write of the export archive (terms art. 17) on the quotes tables: whole tables
 * of one tenant out, and into an empty tenant in (in chunks, see `inChunks`).
 */

const TABLES = { quotes, lines: quoteLines, files: quoteFiles };

/** Whether the tenant has any row in that table: what an import calls "not empty". */
export function hasArchiveRows(tx: Tx, tenantId: string, table: keyof typeof TABLES): Promise<boolean> {
  return hasTenantRows(tx, TABLES[table], tenantId);
}

// ── Quotes (every version) ────────────────────────────────────────────────────────────────────

/** In the order they were made, so a version comes after the one it revises. */
export async function allQuoteRows(tx: Tx, tenantId: string) {
  return tx.select().from(quotes).where(eq(quotes.tenantId, tenantId)).orderBy(asc(quotes.createdAt), asc(quotes.id));
}

export async function insertQuoteRows(tx: Tx, rows: (typeof quotes.$inferInsert)[]): Promise<void> {
  await inChunks(rows, (chunk) => tx.insert(quotes).values(chunk));
}

/** Of these quotes, those the tenant holds: whether each was sent (or is being imported as sent). */
export async function sentStateById(tx: Tx, tenantId: string, ids: string[]): Promise<Map<string, boolean>> {
  const found = new Map<string, boolean>();
  await inChunks([...new Set(ids)], async (chunk) => {
    const rows = await tx
      .select({ id: quotes.id, sentAt: quotes.sentAt })
      .from(quotes)
      .where(and(eq(quotes.tenantId, tenantId), inArray(quotes.id, chunk)));
    for (const row of rows) found.set(row.id, row.sentAt !== null);
  });
  return found;
}

/** The archive's sent versions, written as drafts so their lines could go in, with the facts that give their status. */
export async function sentDrafts(tx: Tx, tenantId: string) {
  return tx
    .select({ id: quotes.id, acceptedAt: quotes.acceptedAt, declinedAt: quotes.declinedAt, viewedAt: quotes.viewedAt })
    .from(quotes)
    .where(and(eq(quotes.tenantId, tenantId), eq(quotes.status, 'draft'), isNotNull(quotes.sentAt)));
}

/**
 * Gives these drafts their status as sent (only `status` changes, not the row version): the
 * trigger of migration 0015 lets a draft become sent, and from here on refuses any change to
 * what was sent, exactly as after a send.
 */
export async function setStatus(
  tx: Tx,
  tenantId: string,
  ids: string[],
  status: Exclude<StoredQuoteStatus, 'draft'>,
): Promise<void> {
  await inChunks(ids, (chunk) =>
    tx
      .update(quotes)
      .set({ status })
      .where(and(eq(quotes.tenantId, tenantId), inArray(quotes.id, chunk))),
  );
}

/** Sent versions without their stored PDF (an archive that lost its files). */
export async function sentWithoutPdf(tx: Tx, tenantId: string): Promise<string[]> {
  const rows = await tx
    .select({ number: quotes.number, revision: quotes.revision })
    .from(quotes)
    .where(
      and(
        eq(quotes.tenantId, tenantId),
        isNotNull(quotes.sentAt),
        sql`NOT EXISTS (SELECT 1 FROM ${quoteFiles} WHERE ${quoteFiles.tenantId} = ${quotes.tenantId}
          AND ${quoteFiles.quoteId} = ${quotes.id} AND ${quoteFiles.kind} = 'pdf')`,
      ),
    );
  return rows.map((row) => `${row.number ?? ''} v${row.revision}`);
}

/** The numbers the sent versions carry, with their issue dates, to continue the quote series after them. */
export async function sentNumbers(tx: Tx, tenantId: string) {
  const rows = await tx
    .select({ number: quotes.number, issueDate: quotes.issueDate })
    .from(quotes)
    .where(and(eq(quotes.tenantId, tenantId), isNotNull(quotes.number), isNotNull(quotes.issueDate)));
  return rows.map((row) => ({ number: row.number!, issueDate: row.issueDate! }));
}

// ── Lines ─────────────────────────────────────────────────────────────────────────────────────

export async function allLineRows(tx: Tx, tenantId: string) {
  return tx
    .select()
    .from(quoteLines)
    .where(eq(quoteLines.tenantId, tenantId))
    .orderBy(asc(quoteLines.quoteId), asc(quoteLines.position));
}

export async function insertLineRows(tx: Tx, rows: (typeof quoteLines.$inferInsert)[]): Promise<void> {
  await inChunks(rows, (chunk) => tx.insert(quoteLines).values(chunk));
}

// ── Stored files ──────────────────────────────────────────────────────────────────────────────

/** The stored PDF of every sent version, without its bytes. */
export async function allFileRows(tx: Tx, tenantId: string) {
  return tx
    .select({
      quoteId: quoteFiles.quoteId,
      kind: quoteFiles.kind,
      sha256: quoteFiles.sha256,
      size: sql<number>`octet_length(${quoteFiles.content})::int`,
      createdAt: quoteFiles.createdAt,
      number: quotes.number,
      revision: quotes.revision,
      snapshot: quotes.snapshot,
    })
    .from(quoteFiles)
    .innerJoin(quotes, and(eq(quotes.tenantId, quoteFiles.tenantId), eq(quotes.id, quoteFiles.quoteId)))
    .where(eq(quoteFiles.tenantId, tenantId))
    .orderBy(asc(quoteFiles.quoteId), asc(quoteFiles.kind));
}

/** The bytes of stored files, by `<quote id>|<kind>`. */
export function fileContents(tx: Tx, tenantId: string, quoteIds: string[]): Promise<Map<string, Uint8Array>> {
  return storedFileContents(tx, quoteFiles, quoteFiles.quoteId, tenantId, quoteIds);
}

export async function insertFileRows(tx: Tx, rows: (typeof quoteFiles.$inferInsert)[]): Promise<void> {
  await inChunks(rows, (chunk) => tx.insert(quoteFiles).values(chunk), FILE_ROWS_PER_INSERT);
}
