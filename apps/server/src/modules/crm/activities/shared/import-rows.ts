import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../../kernel/db/database.ts';
import { users } from '../../../../kernel/db/schema.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import { organizations, persons } from '../../crm.tables.ts';

/** Every row of an uploaded archive file, checked with `schema`; the first bad row rejects the import. */
export function parseImportedRows<T extends z.ZodType>(entity: string, schema: T, rows: unknown[]): z.output<T>[] {
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new AppError('import_archive_invalid', {
      detail: `${entity} row ${index + 1}: ${issue.path.join('.') || '(row)'}: ${issue.message}`,
    });
  });
}

/** The relations the rows point at were imported before them (same ids); anything else is a broken archive. */
export async function assertImportedRelationsExist(
  tx: Tx,
  tenantId: string,
  entity: string,
  rows: { organization_id?: string | null; person_id?: string | null }[],
): Promise<void> {
  const organizationIds = [...new Set(rows.flatMap((row) => (row.organization_id ? [row.organization_id] : [])))];
  const personIds = [...new Set(rows.flatMap((row) => (row.person_id ? [row.person_id] : [])))];
  const foundOrganizations = organizationIds.length
    ? await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.tenantId, tenantId), inArray(organizations.id, organizationIds)))
    : [];
  const foundPersons = personIds.length
    ? await tx
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.tenantId, tenantId), inArray(persons.id, personIds)))
    : [];
  const missing = [
    ...organizationIds
      .filter((id) => !foundOrganizations.some((found) => found.id === id))
      .map((id) => `organization ${id}`),
    ...personIds.filter((id) => !foundPersons.some((found) => found.id === id)).map((id) => `person ${id}`),
  ];
  if (missing.length > 0)
    throw new AppError('import_archive_invalid', {
      detail: `${entity}: refers to ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ' …' : ''}, which the archive does not hold`,
    });
}

/**
 * Address and name of the users the rows name. Users are people with their own login, not part
 * of the archive: an archive names them by address, and an import finds them again among the
 * members of the new account (or leaves the field empty).
 */
export async function usersById(
  tx: Tx,
  userIds: (string | null)[],
): Promise<Map<string, { email: string; name: string }>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, { email: row.email, name: row.name }]));
}
