import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import { organizations, personOrganizationLinks, persons } from '../crm.tables.ts';

export type LinkRow = typeof personOrganizationLinks.$inferSelect;

export interface LinkValues {
  organizationId: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  phoneE164: string | null;
}

/** The persons linked to these organizations, by organization id, ordered by last name. */
export async function linksOfOrganizations(tx: Tx, tenantId: string, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return tx
    .select({ link: personOrganizationLinks, firstName: persons.firstName, lastName: persons.lastName })
    .from(personOrganizationLinks)
    .innerJoin(
      persons,
      and(eq(persons.tenantId, personOrganizationLinks.tenantId), eq(persons.id, personOrganizationLinks.personId)),
    )
    .where(
      and(
        eq(personOrganizationLinks.tenantId, tenantId),
        inArray(personOrganizationLinks.organizationId, organizationIds),
      ),
    )
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(personOrganizationLinks.id));
}

/** The organizations these persons are linked to, ordered by organization name. */
export async function linksOfPersons(tx: Tx, tenantId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return tx
    .select({ link: personOrganizationLinks, organizationName: organizations.name })
    .from(personOrganizationLinks)
    .innerJoin(
      organizations,
      and(
        eq(organizations.tenantId, personOrganizationLinks.tenantId),
        eq(organizations.id, personOrganizationLinks.organizationId),
      ),
    )
    .where(and(eq(personOrganizationLinks.tenantId, tenantId), inArray(personOrganizationLinks.personId, personIds)))
    .orderBy(asc(organizations.name), asc(personOrganizationLinks.id));
}

/** Which of these ids are organizations of this tenant. */
export async function existingOrganizationIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), inArray(organizations.id, ids)));
  return new Set(rows.map((row) => row.id));
}

/** Persons linked to an organization (their search text holds the link's e-mail and phone). */
export async function personIdsLinkedTo(tx: Tx, tenantId: string, organizationId: string): Promise<string[]> {
  const rows = await tx
    .select({ personId: personOrganizationLinks.personId })
    .from(personOrganizationLinks)
    .where(
      and(eq(personOrganizationLinks.tenantId, tenantId), eq(personOrganizationLinks.organizationId, organizationId)),
    );
  return rows.map((row) => row.personId);
}

/**
 * Makes the person's links exactly `links`: a link to an organization already linked keeps its
 * id (and creation date) and gets the new role, e-mail and phone; others are added or removed.
 */
export async function replacePersonLinks(tx: Tx, tenantId: string, personId: string, links: LinkValues[]) {
  const current = await tx
    .select()
    .from(personOrganizationLinks)
    .where(and(eq(personOrganizationLinks.tenantId, tenantId), eq(personOrganizationLinks.personId, personId)));
  const wanted = new Map(links.map((link) => [link.organizationId, link]));
  for (const row of current) {
    const link = wanted.get(row.organizationId);
    if (!link) {
      await tx
        .delete(personOrganizationLinks)
        .where(and(eq(personOrganizationLinks.tenantId, tenantId), eq(personOrganizationLinks.id, row.id)));
    } else {
      await tx
        .update(personOrganizationLinks)
        .set({ role: link.role, email: link.email, phone: link.phone, phoneE164: link.phoneE164 })
        .where(and(eq(personOrganizationLinks.tenantId, tenantId), eq(personOrganizationLinks.id, row.id)));
      wanted.delete(row.organizationId);
    }
  }
  if (wanted.size > 0)
    await tx
      .insert(personOrganizationLinks)
      .values([...wanted.values()].map((link) => ({ tenantId, personId, ...link })));
}

export async function allLinkRows(tx: Tx, tenantId: string): Promise<LinkRow[]> {
  return tx
    .select()
    .from(personOrganizationLinks)
    .where(eq(personOrganizationLinks.tenantId, tenantId))
    .orderBy(asc(personOrganizationLinks.id));
}
