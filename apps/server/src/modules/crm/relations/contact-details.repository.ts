import type { AddressInput, EmailInput } from '@clientbox/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import { relationAddresses, relationEmails, relationPhones } from '../crm.tables.ts';

export type EmailRow = typeof relationEmails.$inferSelect;
export type PhoneRow = typeof relationPhones.$inferSelect;
export type AddressRow = typeof relationAddresses.$inferSelect;

/** Contact details belong to one organization or one person. */
export type Owner = { organizationId: string; personId?: undefined } | { personId: string; organizationId?: undefined };
export type OwnerKind = 'organization' | 'person';

export interface ContactDetails {
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
}

export interface NormalizedPhone {
  number: string;
  e164: string;
  label?: string | null | undefined;
}

const ownerColumns = (owner: Owner) => ({
  organizationId: owner.organizationId ?? null,
  personId: owner.personId ?? null,
});

function ownerFilter(table: typeof relationEmails | typeof relationPhones | typeof relationAddresses, owner: Owner) {
  return owner.organizationId ? eq(table.organizationId, owner.organizationId) : eq(table.personId, owner.personId!);
}

/** The owners' e-mails, phones and addresses in their order, by owner id. */
export async function loadContactDetails(
  tx: Tx,
  tenantId: string,
  kind: OwnerKind,
  ids: string[],
): Promise<Map<string, ContactDetails>> {
  const details = new Map<string, ContactDetails>(ids.map((id) => [id, { emails: [], phones: [], addresses: [] }]));
  if (ids.length === 0) return details;
  // One after the other: a tenant transaction is one connection.
  const emails = await selectOwned(tx, relationEmails, tenantId, kind, ids);
  const phones = await selectOwned(tx, relationPhones, tenantId, kind, ids);
  const addresses = await selectOwned(tx, relationAddresses, tenantId, kind, ids);
  const ownerOf = (row: { organizationId: string | null; personId: string | null }) =>
    details.get((kind === 'organization' ? row.organizationId : row.personId)!)!;
  for (const row of emails as EmailRow[]) ownerOf(row).emails.push(row);
  for (const row of phones as PhoneRow[]) ownerOf(row).phones.push(row);
  for (const row of addresses as AddressRow[]) ownerOf(row).addresses.push(row);
  return details;
}

function selectOwned(
  tx: Tx,
  table: typeof relationEmails | typeof relationPhones | typeof relationAddresses,
  tenantId: string,
  kind: OwnerKind,
  ids: string[],
) {
  const column = kind === 'organization' ? table.organizationId : table.personId;
  return tx
    .select()
    .from(table)
    .where(and(eq(table.tenantId, tenantId), inArray(column, ids)))
    .orderBy(asc(table.position), asc(table.id));
}

export async function replaceEmails(tx: Tx, tenantId: string, owner: Owner, emails: EmailInput[]): Promise<void> {
  await tx.delete(relationEmails).where(and(eq(relationEmails.tenantId, tenantId), ownerFilter(relationEmails, owner)));
  if (emails.length === 0) return;
  await tx.insert(relationEmails).values(
    emails.map((email, position) => ({
      tenantId,
      ...ownerColumns(owner),
      position,
      address: email.address,
      label: email.label ?? null,
    })),
  );
}

export async function replacePhones(tx: Tx, tenantId: string, owner: Owner, phones: NormalizedPhone[]): Promise<void> {
  await tx.delete(relationPhones).where(and(eq(relationPhones.tenantId, tenantId), ownerFilter(relationPhones, owner)));
  if (phones.length === 0) return;
  await tx.insert(relationPhones).values(
    phones.map((phone, position) => ({
      tenantId,
      ...ownerColumns(owner),
      position,
      number: phone.number,
      e164: phone.e164,
      label: phone.label ?? null,
    })),
  );
}

export async function replaceAddresses(
  tx: Tx,
  tenantId: string,
  owner: Owner,
  addresses: AddressInput[],
): Promise<void> {
  await tx
    .delete(relationAddresses)
    .where(and(eq(relationAddresses.tenantId, tenantId), ownerFilter(relationAddresses, owner)));
  if (addresses.length === 0) return;
  await tx.insert(relationAddresses).values(
    addresses.map((address, position) => ({
      tenantId,
      ...ownerColumns(owner),
      position,
      type: address.type,
      street: address.street ?? null,
      postalCode: address.postal_code ?? null,
      city: address.city ?? null,
      country: address.country,
    })),
  );
}

/** Every row of a kind of contact detail (export), in a stable order. */
export async function allEmailRows(tx: Tx, tenantId: string): Promise<EmailRow[]> {
  return tx.select().from(relationEmails).where(eq(relationEmails.tenantId, tenantId)).orderBy(asc(relationEmails.id));
}

export async function allPhoneRows(tx: Tx, tenantId: string): Promise<PhoneRow[]> {
  return tx.select().from(relationPhones).where(eq(relationPhones.tenantId, tenantId)).orderBy(asc(relationPhones.id));
}

export async function allAddressRows(tx: Tx, tenantId: string): Promise<AddressRow[]> {
  return tx
    .select()
    .from(relationAddresses)
    .where(eq(relationAddresses.tenantId, tenantId))
    .orderBy(asc(relationAddresses.id));
}

export interface NewContactDetails {
  emails: (typeof relationEmails.$inferInsert)[];
  phones: (typeof relationPhones.$inferInsert)[];
  addresses: (typeof relationAddresses.$inferInsert)[];
}

/** Contact details of many new relations at once (an import): one statement per kind and chunk. */
export async function insertContactDetails(tx: Tx, details: NewContactDetails, chunkSize = 500): Promise<void> {
  for (let start = 0; start < details.emails.length; start += chunkSize)
    await tx.insert(relationEmails).values(details.emails.slice(start, start + chunkSize));
  for (let start = 0; start < details.phones.length; start += chunkSize)
    await tx.insert(relationPhones).values(details.phones.slice(start, start + chunkSize));
  for (let start = 0; start < details.addresses.length; start += chunkSize)
    await tx.insert(relationAddresses).values(details.addresses.slice(start, start + chunkSize));
}
