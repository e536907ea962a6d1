import { addressType, countryCode, email, normalizePhoneNumber } from '@clientbox/contracts';
import { z } from 'zod';
import type { ExportContext, ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { organizations, persons, relationAddresses, relationEmails, relationPhones } from '../crm.tables.ts';
import { allAddressRows, allEmailRows, allPhoneRows } from './contact-details.repository.ts';
import { assertExisting, hasRows, insertChunked, invalid, nullableText, parseRows } from './export-rows.ts';

/** E-mails, phones and addresses of organizations and persons in the export archive (terms art. 17). */

const ownedRow = {
  id: z.uuid(),
  organization_id: z.uuid().nullable(),
  person_id: z.uuid().nullable(),
  position: z.number().int().min(0),
};

async function assertOwners(
  entity: string,
  ctx: ExportContext,
  rows: { organization_id: string | null; person_id: string | null }[],
) {
  if (rows.some((row) => (row.organization_id === null) === (row.person_id === null)))
    throw invalid(entity, 'each row belongs to exactly one organization or one person');
  await assertExisting(
    entity,
    ctx.tx,
    ctx.tenantId,
    organizations,
    rows.map((row) => row.organization_id),
  );
  await assertExisting(
    entity,
    ctx.tx,
    ctx.tenantId,
    persons,
    rows.map((row) => row.person_id),
  );
}

const emailRow = z.object({ ...ownedRow, address: email, label: nullableText });
type EmailExportRow = z.infer<typeof emailRow>;

export const emailsExporter: ImportableExporter<EmailExportRow> = {
  entity: 'crm.emails',
  csv: true,
  columns: Object.keys(emailRow.shape) as (keyof EmailExportRow)[],
  async export({ tenantId, tx }) {
    return (await allEmailRows(tx, tenantId)).map((row) => ({
      id: row.id,
      organization_id: row.organizationId,
      person_id: row.personId,
      position: row.position,
      address: row.address,
      label: row.label,
    }));
  },
  hasData: (ctx) => hasRows(ctx, relationEmails),
  async import(ctx, rows) {
    const parsed = parseRows(this.entity, emailRow, rows);
    await assertOwners(this.entity, ctx, parsed);
    const values = parsed.map((row) => ({
      tenantId: ctx.tenantId,
      id: row.id,
      organizationId: row.organization_id,
      personId: row.person_id,
      position: row.position,
      address: row.address,
      label: row.label,
    }));
    await insertChunked(values, (chunk) => ctx.tx.insert(relationEmails).values(chunk));
  },
};

const phoneRow = z.object({ ...ownedRow, number: z.string().min(1).max(40), e164: z.string(), label: nullableText });
type PhoneExportRow = z.infer<typeof phoneRow>;

export const phonesExporter: ImportableExporter<PhoneExportRow> = {
  entity: 'crm.phones',
  csv: true,
  columns: Object.keys(phoneRow.shape) as (keyof PhoneExportRow)[],
  async export({ tenantId, tx }) {
    return (await allPhoneRows(tx, tenantId)).map((row) => ({
      id: row.id,
      organization_id: row.organizationId,
      person_id: row.personId,
      position: row.position,
      number: row.number,
      e164: row.e164,
      label: row.label,
    }));
  },
  hasData: (ctx) => hasRows(ctx, relationPhones),
  async import(ctx, rows) {
    const parsed = parseRows(this.entity, phoneRow, rows);
    await assertOwners(this.entity, ctx, parsed);
    const values = parsed.map((row) => {
      // The E.164 form is derived again, not trusted: the lookup matches on it.
      const phone = normalizePhoneNumber(row.number);
      if (!phone) throw invalid(this.entity, `${row.number} is not a valid phone number`);
      return {
        tenantId: ctx.tenantId,
        id: row.id,
        organizationId: row.organization_id,
        personId: row.person_id,
        position: row.position,
        number: row.number,
        e164: phone.e164,
        label: row.label,
      };
    });
    await insertChunked(values, (chunk) => ctx.tx.insert(relationPhones).values(chunk));
  },
};

const addressRow = z.object({
  ...ownedRow,
  type: addressType,
  street: nullableText,
  postal_code: nullableText,
  city: nullableText,
  country: countryCode,
});
type AddressExportRow = z.infer<typeof addressRow>;

export const addressesExporter: ImportableExporter<AddressExportRow> = {
  entity: 'crm.addresses',
  csv: true,
  columns: Object.keys(addressRow.shape) as (keyof AddressExportRow)[],
  async export({ tenantId, tx }) {
    return (await allAddressRows(tx, tenantId)).map((address) => {
      return {
        id: address.id,
        organization_id: address.organizationId,
        person_id: address.personId,
        position: address.position,
        type: address.type,
        street: address.street,
        postal_code: address.postalCode,
        city: address.city,
        country: address.country,
      };
    });
  },
  hasData: (ctx) => hasRows(ctx, relationAddresses),
  async import(ctx, rows) {
    const parsed = parseRows(this.entity, addressRow, rows);
    await assertOwners(this.entity, ctx, parsed);
    const values = parsed.map((row) => ({
      tenantId: ctx.tenantId,
      id: row.id,
      organizationId: row.organization_id,
      personId: row.person_id,
      position: row.position,
      type: row.type,
      street: row.street,
      postalCode: row.postal_code,
      city: row.city,
      country: row.country,
    }));
    await insertChunked(values, (chunk) => ctx.tx.insert(relationAddresses).values(chunk));
  },
};
