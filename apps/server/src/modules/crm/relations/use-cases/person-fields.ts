import type { CreatePerson, PersonLinkInput, UpdatePerson } from '@clientbox/contracts';
import type { Tx } from '../../../../kernel/db/database.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import { existingOrganizationIds, type LinkValues } from '../links.repository.ts';
import type { PersonChanges } from '../persons.repository.ts';
import { normalizePhone } from '../relation-details.ts';

const FIELD_TO_COLUMN = {
  first_name: 'firstName',
  last_name: 'lastName',
  document_locale: 'documentLocale',
  tags: 'tags',
  owner_user_id: 'ownerUserId',
} as const satisfies Partial<Record<keyof UpdatePerson, keyof PersonChanges>>;

export function toPersonChanges(input: CreatePerson | UpdatePerson): PersonChanges {
  const changes: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(FIELD_TO_COLUMN)) {
    const value = input[field as keyof typeof FIELD_TO_COLUMN];
    if (value !== undefined) changes[column] = value;
  }
  return changes as PersonChanges;
}

/**
 * The links as stored: each organization once and of this tenant (another tenant's id is
 * "unknown", like an id that never existed), the link's phone also as E.164.
 */
export async function toLinkValues(tx: Tx, tenantId: string, links: PersonLinkInput[]): Promise<LinkValues[]> {
  const known = await existingOrganizationIds(
    tx,
    tenantId,
    links.map((link) => link.organization_id),
  );
  const seen = new Set<string>();
  const fields: { field: string; code: string; message: string }[] = [];
  links.forEach((link, index) => {
    const field = `organizations.${index}.organization_id`;
    if (!known.has(link.organization_id))
      fields.push({ field, code: 'unknown_organization', message: 'no such organization' });
    else if (seen.has(link.organization_id))
      fields.push({ field, code: 'duplicate_organization', message: 'linked twice' });
    seen.add(link.organization_id);
  });
  if (fields.length) throw new AppError('validation_failed', { fields });
  return links.map((link) => ({
    organizationId: link.organization_id,
    role: link.role ?? null,
    email: link.email ?? null,
    phone: link.phone ?? null,
    phoneE164: link.phone ? normalizePhone({ number: link.phone }).e164 : null,
  }));
}
