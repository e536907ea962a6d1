import { and, count, eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Tx } from '../../../kernel/db/database.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { ExportContext } from '../../../kernel/export/export-registry.ts';
import { findTenantMember } from '../activities/shared/tenant-members.ts';
import { organizations, persons } from '../crm.tables.ts';

/** What the relation exporters share: row validation, reference checks and chunked inserts. */

export function invalid(entity: string, detail: string): AppError {
  return new AppError('import_archive_invalid', { detail: `${entity}: ${detail}` });
}

export function parseRows<T>(entity: string, schema: z.ZodType<T>, rows: unknown[]): T[] {
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalid(entity, `row ${index + 1}, ${issue.path.join('.')}: ${issue.message}`);
    }
    return parsed.data;
  });
}

export async function hasRows(ctx: ExportContext, table: PgTable & { tenantId: AnyPgColumn }): Promise<boolean> {
  const [row] = await ctx.tx
    .select({ n: count() })
    .from(table as PgTable)
    .where(eq(table.tenantId, ctx.tenantId));
  return (row?.n ?? 0) > 0;
}

/** The owner is kept when that user is a member here too; otherwise the relation has no owner. */
export async function ownerHere(tx: Tx, tenantId: string, userId: string | null): Promise<string | null> {
  return userId && (await findTenantMember(tx, tenantId, userId)) ? userId : null;
}

/** Every id the rows point at exists in this tenant (imported by an earlier entity). */
export async function assertExisting(
  entity: string,
  tx: Tx,
  tenantId: string,
  table: typeof organizations | typeof persons,
  ids: (string | null)[],
) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  for (let start = 0; start < wanted.length; start += 1000) {
    const chunk = wanted.slice(start, start + 1000);
    const found = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.tenantId, tenantId), inArray(table.id, chunk)));
    if (found.length !== chunk.length) throw invalid(entity, 'refers to a relation that is not in the archive');
  }
}

export async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += 500) await insert(rows.slice(start, start + 500));
}

export const nullableText = z.string().nullable();
export const timestamps = {
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
};
