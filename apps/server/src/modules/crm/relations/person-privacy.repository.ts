import { ERASED_NAME, NOTE_KINDS } from '@clientbox/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import {
  personOrganizationLinks,
  persons,
  relationAddresses,
  relationEmails,
  relationPhones,
  timelineItems,
} from '../crm.tables.ts';

/**
 * GDPR art. 17: the person's row stays (links, tasks and deals keep pointing at it) but holds
 * nothing personal any more: names `[erased]`, no tags, no search text, no contact details, no
 * e-mail or phone on the links, and the bodies of the notes on their timeline replaced.
 */
export async function erasePersonData(tx: Tx, tenantId: string, personId: string, version: number): Promise<void> {
  await tx
    .delete(relationEmails)
    .where(and(eq(relationEmails.tenantId, tenantId), eq(relationEmails.personId, personId)));
  await tx
    .delete(relationPhones)
    .where(and(eq(relationPhones.tenantId, tenantId), eq(relationPhones.personId, personId)));
  await tx
    .delete(relationAddresses)
    .where(and(eq(relationAddresses.tenantId, tenantId), eq(relationAddresses.personId, personId)));
  await tx
    .update(personOrganizationLinks)
    .set({ email: null, phone: null, phoneE164: null })
    .where(and(eq(personOrganizationLinks.tenantId, tenantId), eq(personOrganizationLinks.personId, personId)));
  await tx
    .update(timelineItems)
    .set({ body: ERASED_NAME, details: {} })
    .where(
      and(
        eq(timelineItems.tenantId, tenantId),
        eq(timelineItems.personId, personId),
        inArray(timelineItems.kind, [...NOTE_KINDS]),
      ),
    );
  const now = new Date();
  await tx
    .update(persons)
    .set({
      firstName: '',
      lastName: ERASED_NAME,
      tags: [],
      searchText: '',
      erasedAt: now,
      version: version + 1,
      updatedAt: now,
    })
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, personId)));
}
