import { bic, email, iban, kvkNumber, locale, normalizePhoneNumber, vatNumber } from '@clientbox/contracts';
import { z } from 'zod';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { organizations, personOrganizationLinks, persons } from '../crm.tables.ts';
import { addressesExporter, emailsExporter, phonesExporter } from './contact-details.export.ts';
import {
  assertExisting,
  hasRows,
  insertChunked,
  invalid,
  nullableText,
  ownerHere,
  parseRows,
  timestamps,
} from './export-rows.ts';
import { allLinkRows } from './links.repository.ts';
import { numberSeriesExporter } from './number-series.export.ts';
import { allOrganizationRows } from './organizations.repository.ts';
import { allPersonRows } from './persons.repository.ts';

/**
 * Relations in the export archive (terms art. 17), one entity per table, with their ids: an
 * import into an empty account restores them with the same ids, so links and contact details
 * keep pointing at the right organization or person. Rows are validated like API input.
 */

// ── Organizations ─────────────────────────────────────────────────────────────────────────────

const organizationRow = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1).max(200),
  trading_name: nullableText,
  kvk_number: kvkNumber.nullable(),
  vat_number: vatNumber.nullable(),
  iban: iban.nullable(),
  bic: bic.nullable(),
  is_lead: z.boolean(),
  is_customer: z.boolean(),
  is_supplier: z.boolean(),
  debtor_number: nullableText,
  creditor_number: nullableText,
  payment_term_days: z.number().int().min(0).max(365).nullable(),
  document_locale: locale,
  invoice_email: email.nullable(),
  website: nullableText,
  tags: z.array(z.string()),
  owner_user_id: z.uuid().nullable(),
  version: z.number().int().min(1),
  ...timestamps,
});
type OrganizationExportRow = z.infer<typeof organizationRow>;

export const organizationsExporter: ImportableExporter<OrganizationExportRow> = {
  entity: 'crm.organizations',
  csv: true,
  columns: Object.keys(organizationRow.shape) as (keyof OrganizationExportRow)[],
  async export({ tenantId, tx }) {
    return (await allOrganizationRows(tx, tenantId)).map((row) => ({
      id: row.id,
      name: row.name,
      trading_name: row.tradingName,
      kvk_number: row.kvkNumber,
      vat_number: row.vatNumber,
      iban: row.iban,
      bic: row.bic,
      is_lead: row.isLead,
      is_customer: row.isCustomer,
      is_supplier: row.isSupplier,
      debtor_number: row.debtorNumber,
      creditor_number: row.creditorNumber,
      payment_term_days: row.paymentTermDays,
      document_locale: row.documentLocale,
      invoice_email: row.invoiceEmail,
      website: row.website,
      tags: row.tags,
      owner_user_id: row.ownerUserId,
      version: row.version,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    }));
  },
  hasData: (ctx) => hasRows(ctx, organizations),
  async import(ctx, rows) {
    const parsed = parseRows(this.entity, organizationRow, rows);
    const values = [];
    for (const row of parsed)
      values.push({
        tenantId: ctx.tenantId,
        id: row.id,
        name: row.name,
        tradingName: row.trading_name,
        kvkNumber: row.kvk_number,
        vatNumber: row.vat_number,
        iban: row.iban,
        bic: row.bic,
        isLead: row.is_lead,
        isCustomer: row.is_customer,
        isSupplier: row.is_supplier,
        debtorNumber: row.debtor_number,
        creditorNumber: row.creditor_number,
        paymentTermDays: row.payment_term_days,
        documentLocale: row.document_locale,
        invoiceEmail: row.invoice_email,
        website: row.website,
        tags: row.tags,
        ownerUserId: await ownerHere(ctx.tx, ctx.tenantId, row.owner_user_id),
        version: row.version,
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
      });
    const unique = (numbers: (string | null)[]) => {
      const given = numbers.filter(Boolean);
      return new Set(given).size === given.length;
    };
    if (new Set(parsed.map((row) => row.id)).size !== parsed.length) throw invalid(this.entity, 'an id occurs twice');
    if (!unique(parsed.map((row) => row.debtor_number)) || !unique(parsed.map((row) => row.creditor_number)))
      throw invalid(this.entity, 'a debtor or creditor number occurs twice');
    await insertChunked(values, (chunk) => ctx.tx.insert(organizations).values(chunk));
  },
};

// ── Persons ───────────────────────────────────────────────────────────────────────────────────

const personRow = z.object({
  id: z.uuid(),
  first_name: z.string().max(100),
  last_name: z.string().trim().min(1).max(100),
  document_locale: locale,
  tags: z.array(z.string()),
  owner_user_id: z.uuid().nullable(),
  erased_at: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int().min(1),
  ...timestamps,
});
type PersonExportRow = z.infer<typeof personRow>;

export const personsExporter: ImportableExporter<PersonExportRow> = {
  entity: 'crm.persons',
  csv: true,
  columns: Object.keys(personRow.shape) as (keyof PersonExportRow)[],
  async export({ tenantId, tx }) {
    return (await allPersonRows(tx, tenantId)).map((row) => ({
      id: row.id,
      first_name: row.firstName,
      last_name: row.lastName,
      document_locale: row.documentLocale,
      tags: row.tags,
      owner_user_id: row.ownerUserId,
      erased_at: row.erasedAt?.toISOString() ?? null,
      version: row.version,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    }));
  },
  hasData: (ctx) => hasRows(ctx, persons),
  async import(ctx, rows) {
    const parsed = parseRows(this.entity, personRow, rows);
    if (new Set(parsed.map((row) => row.id)).size !== parsed.length) throw invalid(this.entity, 'an id occurs twice');
    const values = [];
    for (const row of parsed)
      values.push({
        tenantId: ctx.tenantId,
        id: row.id,
        firstName: row.first_name,
        lastName: row.last_name,
        documentLocale: row.document_locale,
        tags: row.tags,
        ownerUserId: await ownerHere(ctx.tx, ctx.tenantId, row.owner_user_id),
        erasedAt: row.erased_at ? new Date(row.erased_at) : null,
        version: row.version,
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
      });
    await insertChunked(values, (chunk) => ctx.tx.insert(persons).values(chunk));
  },
};

// ── Links between persons and organizations ───────────────────────────────────────────────────

const linkRow = z.object({
  id: z.uuid(),
  person_id: z.uuid(),
  organization_id: z.uuid(),
  role: nullableText,
  email: email.nullable(),
  phone: nullableText,
  phone_e164: nullableText,
  created_at: z.iso.datetime({ offset: true }),
});
type LinkExportRow = z.infer<typeof linkRow>;

export const linksExporter: ImportableExporter<LinkExportRow> = {
  entity: 'crm.person_organization_links',
  csv: true,
  columns: Object.keys(linkRow.shape) as (keyof LinkExportRow)[],
  async export({ tenantId, tx }) {
    return (await allLinkRows(tx, tenantId)).map((row) => ({
      id: row.id,
      person_id: row.personId,
      organization_id: row.organizationId,
      role: row.role,
      email: row.email,
      phone: row.phone,
      phone_e164: row.phoneE164,
      created_at: row.createdAt.toISOString(),
    }));
  },
  hasData: (ctx) => hasRows(ctx, personOrganizationLinks),
  async import(ctx, rows) {
    const parsed = parseRows(this.entity, linkRow, rows);
    await assertExisting(
      this.entity,
      ctx.tx,
      ctx.tenantId,
      persons,
      parsed.map((row) => row.person_id),
    );
    await assertExisting(
      this.entity,
      ctx.tx,
      ctx.tenantId,
      organizations,
      parsed.map((row) => row.organization_id),
    );
    const pairs = new Set(parsed.map((row) => `${row.person_id}:${row.organization_id}`));
    if (pairs.size !== parsed.length) throw invalid(this.entity, 'a person is linked to an organization twice');
    const values = parsed.map((row) => {
      const phone = row.phone ? normalizePhoneNumber(row.phone) : null;
      if (row.phone && !phone) throw invalid(this.entity, `${row.phone} is not a valid phone number`);
      return {
        tenantId: ctx.tenantId,
        id: row.id,
        personId: row.person_id,
        organizationId: row.organization_id,
        role: row.role,
        email: row.email,
        phone: row.phone,
        phoneE164: phone?.e164 ?? null,
        createdAt: new Date(row.created_at),
      };
    });
    await insertChunked(values, (chunk) => ctx.tx.insert(personOrganizationLinks).values(chunk));
  },
};

/** In import order: what a row refers to is imported before it. */
export function registerRelationExporters(kernel: Pick<Kernel, 'exports'>): void {
  kernel.exports.register(organizationsExporter);
  kernel.exports.register(personsExporter);
  kernel.exports.register(linksExporter);
  kernel.exports.register(emailsExporter);
  kernel.exports.register(phonesExporter);
  kernel.exports.register(addressesExporter);
  kernel.exports.register(numberSeriesExporter);
}
