import { z } from 'zod';
import { listMembers } from '../accounts/members.ts';
import { AppError } from '../errors/app-error.ts';
import type { ExportContext } from './export-registry.ts';

/**
 * What every importer does with the rows of `data/<entity>.json` (they come from a file the user
 * uploads): check each row against the entity's schema and name the first bad one in
 * `import_archive_invalid`, and translate what means nothing in another account.
 */

export function invalidArchive(entity: string, detail: string): AppError {
  return new AppError('import_archive_invalid', { detail: `${entity}: ${detail}` });
}

/** Every row through `schema`; the first bad row rejects the whole import. */
export function parseArchiveRows<T extends z.ZodType>(entity: string, schema: T, rows: unknown[]): z.output<T>[] {
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw invalidArchive(entity, `row ${index + 1}, ${issue.path.join('.') || '(row)'}: ${issue.message}`);
  });
}

/** `parseArchiveRows` for rows with an `id`, refusing an id that occurs twice (named by its row number). */
export function parseArchiveRowsWithIds<T extends z.ZodType<{ id: string }>>(
  entity: string,
  schema: T,
  rows: unknown[],
): z.output<T>[] {
  const parsed = parseArchiveRows(entity, schema, rows);
  const seen = new Set<string>();
  for (const [index, row] of parsed.entries()) {
    if (seen.has(row.id)) throw invalidArchive(entity, `row ${index + 1}: an id occurs twice`);
    seen.add(row.id);
  }
  return parsed;
}

export const timestamp = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
export const nullableText = z.string().nullable();

/** A decimal string as stored (quantities, prices, rates): checked with `parse`, never rewritten. */
export const decimalText = (parse: (value: string) => bigint) =>
  z.string().refine((value) => {
    try {
      parse(value);
      return true;
    } catch {
      return false;
    }
  }, 'not a decimal number');

/**
 * People are named by e-mail address: a user id means nothing in another account. The export
 * writes a member's address (null for no one, or someone no longer a member); the import finds
 * the address again among the members of the new account, or leaves the field empty.
 */
export async function memberEmails(ctx: ExportContext): Promise<(userId: string | null) => string | null> {
  const emails = new Map((await listMembers(ctx)).map((member) => [member.user_id, member.email]));
  return (userId) => (userId ? (emails.get(userId) ?? null) : null);
}

export async function membersByEmail(ctx: ExportContext): Promise<(email: string | null) => string | null> {
  const ids = new Map((await listMembers(ctx)).map((member) => [member.email.toLowerCase(), member.user_id]));
  return (email) => (email ? (ids.get(email.toLowerCase()) ?? null) : null);
}
