import { z } from 'zod';
import { listMembers } from '../../../kernel/accounts/members.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { ExportContext } from '../../../kernel/export/export-registry.ts';

/** The quotes module's entities in the export archive, in import order. */
export const ENTITIES = {
  quotes: 'quotes.quotes',
  lines: 'quotes.lines',
  files: 'quotes.files',
} as const;

export function invalid(entity: string, detail: string): AppError {
  return new AppError('import_archive_invalid', { detail: `${entity}: ${detail}` });
}

/** Every row through `schema`; the first bad row rejects the whole import. */
export function parseRows<T extends z.ZodType>(entity: string, schema: T, rows: unknown[]): z.output<T>[] {
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw invalid(entity, `row ${index + 1}, ${issue.path.join('.') || '(row)'}: ${issue.message}`);
  });
}

export const timestamp = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();

/** A decimal string as stored (quantities, prices, rates): checked, never rewritten. */
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
 * People are named by e-mail address: a user id means nothing in another account. An import
 * finds them again among the members of the new account, or leaves the field empty.
 */
export async function memberEmails(ctx: ExportContext): Promise<Map<string, string>> {
  return new Map((await listMembers(ctx)).map((member) => [member.user_id, member.email]));
}

export async function memberIdsByEmail(ctx: ExportContext): Promise<Map<string, string>> {
  return new Map((await listMembers(ctx)).map((member) => [member.email.toLowerCase(), member.user_id]));
}

/** A foreign key violation, as PGlite and node-postgres report it (drizzle wraps it in `cause`). */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current;) {
    if (current.code === '23503') return true;
    current = current.cause as typeof current;
  }
  return false;
}
