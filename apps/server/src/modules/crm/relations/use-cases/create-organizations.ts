import { type CreateOrganization, normalizePhoneNumber } from '@clientbox/contracts';
import { randomUUID } from 'node:crypto';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { insertContactDetails, type NewContactDetails } from '../contact-details.repository.ts';
import { buildSearchText } from '../domain/search-text.ts';
import { insertOrganizations, type NewOrganizationRow, reserveRelationNumbers } from '../organizations.repository.ts';
import { assertOwnerIsMember } from '../relation-details.ts';
import { toOrganizationChanges } from './organization-fields.ts';

const CHUNK = 500;

/**
 * What `createOrganization` does, for many validated inputs at once (an import): the same
 * columns, debtor and creditor numbers and search text, written in a few statements instead of
 * several per organization. Returns the new ids in input order.
 */
export async function createOrganizations(ctx: TenantContext, inputs: CreateOrganization[]): Promise<string[]> {
  for (const owner of new Set(inputs.map((input) => input.owner_user_id).filter(Boolean)))
    await assertOwnerIsMember(ctx, owner);
  const debtorNumbers = await reserveRelationNumbers(
    ctx.tx,
    ctx.tenantId,
    'debtor',
    inputs.filter((input) => input.is_customer).length,
  );
  const creditorNumbers = await reserveRelationNumbers(
    ctx.tx,
    ctx.tenantId,
    'creditor',
    inputs.filter((input) => input.is_supplier).length,
  );
  const ids: string[] = [];
  const rows: NewOrganizationRow[] = [];
  const details: NewContactDetails = { emails: [], phones: [], addresses: [] };
  for (const input of inputs) {
    const id = randomUUID();
    ids.push(id);
    const owner = { tenantId: ctx.tenantId, organizationId: id, personId: null };
    const phones = (input.phones ?? []).map((phone) => ({
      ...phone,
      e164: normalizePhoneNumber(phone.number)!.e164,
    }));
    const changes = toOrganizationChanges(input);
    const debtorNumber = input.is_customer ? debtorNumbers.shift()! : null;
    const creditorNumber = input.is_supplier ? creditorNumbers.shift()! : null;
    rows.push({
      ...changes,
      tenantId: ctx.tenantId,
      id,
      name: input.name,
      debtorNumber,
      creditorNumber,
      searchText: buildSearchText({
        names: [input.name, input.trading_name],
        emails: [...(input.emails ?? []).map((email) => email.address), input.invoice_email],
        phoneNumbers: phones.map((phone) => phone.e164),
        identifiers: [input.kvk_number, input.vat_number, debtorNumber, creditorNumber],
      }),
    });
    (input.emails ?? []).forEach((email, position) =>
      details.emails.push({ ...owner, position, address: email.address, label: email.label ?? null }),
    );
    phones.forEach((phone, position) =>
      details.phones.push({ ...owner, position, number: phone.number, e164: phone.e164, label: phone.label ?? null }),
    );
    (input.addresses ?? []).forEach((address, position) =>
      details.addresses.push({
        ...owner,
        position,
        type: address.type,
        street: address.street ?? null,
        postalCode: address.postal_code ?? null,
        city: address.city ?? null,
        country: address.country,
      }),
    );
  }
  for (let start = 0; start < rows.length; start += CHUNK)
    await insertOrganizations(ctx.tx, rows.slice(start, start + CHUNK));
  await insertContactDetails(ctx.tx, details, CHUNK);
  return ids;
}
