import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../../kernel/db/database.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import { organizations, persons } from '../../crm.tables.ts';

export interface RelationReference {
  organizationId?: string | null | undefined;
  personId?: string | null | undefined;
}

/** The organization and person a record points at exist in this tenant (another tenant's id is a 404). */
export async function assertRelationsExist(tx: Tx, tenantId: string, reference: RelationReference): Promise<void> {
  if (reference.organizationId) {
    const [found] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, reference.organizationId)));
    if (!found) throw new AppError('organization_not_found');
  }
  if (reference.personId) {
    const [found] = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.tenantId, tenantId), eq(persons.id, reference.personId)));
    if (!found) throw new AppError('person_not_found');
  }
}

/** How a person is named in lists: first and last name. */
export function personName(firstName: string | null, lastName: string | null): string | null {
  if (lastName === null) return null;
  return [firstName, lastName].filter(Boolean).join(' ');
}
