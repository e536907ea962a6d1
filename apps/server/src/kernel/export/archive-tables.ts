import { and, count, eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/database.ts';
import { invalidArchive } from './archive-rows.ts';

/**
 * What every module's archive repository does with whole tables of one tenant: ask whether the
 * tenant has rows (an import's "not empty"), and read or write them in chunks, so a large archive
 * stays within the database's parameter limit.
 */

type TenantTable = PgTable & { tenantId: AnyPgColumn };

const CHUNK = 500;

/** Rows that carry a whole stored file (PDF, UBL) go in fewer per statement. */
export const FILE_ROWS_PER_INSERT = 50;

/** Whether the tenant has any row in `table`. */
export async function hasTenantRows(tx: Tx, table: TenantTable, tenantId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(table as PgTable)
    .where(eq(table.tenantId, tenantId));
  return (row?.n ?? 0) > 0;
}

/** `run` on consecutive slices of `items` (inserts, `IN` lists), one after the other. */
export async function inChunks<T>(
  items: readonly T[],
  run: (chunk: T[]) => Promise<unknown>,
  size = CHUNK,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) await run(items.slice(start, start + size));
}

/** A foreign key violation, as PGlite and node-postgres report it (drizzle wraps it in `cause`). */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current;) {
    if (current.code === '23503') return true;
    current = current.cause as typeof current;
  }
  return false;
}

/**
 * Runs an importer's inserts. A row that refers to one the archive does not hold (a foreign key
 * violation) rejects the upload as `import_archive_invalid` with `detail`, not as a server error.
 */
export async function rejectMissingReferences(
  entity: string,
  detail: string,
  insert: () => Promise<unknown>,
): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw invalidArchive(entity, detail);
    throw error;
  }
}

/**
 * The bytes of the files a table keeps in the database (one per document and kind), for these
 * documents, by `<document id>|<kind>`. A few documents at a time: every row is a whole file.
 */
export async function storedFileContents(
  tx: Tx,
  table: TenantTable & { kind: AnyPgColumn; content: AnyPgColumn },
  document: AnyPgColumn,
  tenantId: string,
  documentIds: readonly string[],
): Promise<Map<string, Uint8Array>> {
  const contents = new Map<string, Uint8Array>();
  await inChunks(
    [...new Set(documentIds)],
    async (chunk) => {
      const rows = (await tx
        .select({ documentId: document, kind: table.kind, content: table.content })
        .from(table as PgTable)
        .where(and(eq(table.tenantId, tenantId), inArray(document, chunk)))) as {
        documentId: string;
        kind: string;
        content: Uint8Array;
      }[];
      for (const row of rows) contents.set(`${row.documentId}|${row.kind}`, row.content);
    },
    100,
  );
  return contents;
}
