import type { Organization, OrganizationExportQuery, Person, PersonExportQuery } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { type SpreadsheetCell, toSpreadsheet } from '../../../../kernel/export/to-spreadsheet.ts';
import { listOrganizationRows } from '../organizations.repository.ts';
import { listPersonRows } from '../persons.repository.ts';
import { organizationsWithDetails, personsWithDetails } from '../relation-details.ts';

/** Far more than a small business has; beyond it the archive export (art. 17) has everything. */
export const RELATION_EXPORT_MAX_ROWS = 50_000;

/** The first columns carry the names the organization import maps by itself, so a file goes back in as it is. */
export const ORGANIZATION_EXPORT_COLUMNS = [
  'name',
  'trading_name',
  'kvk_number',
  'vat_number',
  'iban',
  'bic',
  'email',
  'phone',
  'street',
  'postal_code',
  'city',
  'country',
  'is_customer',
  'is_supplier',
  'website',
  'is_lead',
  'debtor_number',
  'creditor_number',
  'invoice_email',
  'other_emails',
  'other_phones',
  'tags',
  'persons',
] as const;

export const PERSON_EXPORT_COLUMNS = ['first_name', 'last_name', 'email', 'phone', 'organizations', 'tags'] as const;

export interface ExportFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  count: number;
}

const today = () => new Date().toISOString().slice(0, 10);

function organizationCells(organization: Organization): Record<string, SpreadsheetCell> {
  const address =
    organization.addresses.find((candidate) => candidate.type === 'visiting') ?? organization.addresses[0];
  return {
    name: organization.name,
    trading_name: organization.trading_name,
    kvk_number: organization.kvk_number,
    vat_number: organization.vat_number,
    iban: organization.iban,
    bic: organization.bic,
    email: organization.emails[0]?.address ?? null,
    phone: organization.phones[0]?.number ?? null,
    street: address?.street ?? null,
    postal_code: address?.postal_code ?? null,
    city: address?.city ?? null,
    country: address?.country ?? null,
    is_customer: organization.is_customer,
    is_supplier: organization.is_supplier,
    website: organization.website,
    is_lead: organization.is_lead,
    debtor_number: organization.debtor_number,
    creditor_number: organization.creditor_number,
    invoice_email: organization.invoice_email,
    other_emails:
      organization.emails
        .slice(1)
        .map((email) => email.address)
        .join('; ') || null,
    other_phones:
      organization.phones
        .slice(1)
        .map((phone) => phone.number)
        .join('; ') || null,
    tags: organization.tags.join('; ') || null,
    persons:
      organization.persons
        .map(
          (linked) =>
            [linked.first_name, linked.last_name].filter(Boolean).join(' ') + (linked.role ? ` (${linked.role})` : ''),
        )
        .join('; ') || null,
  };
}

function personCells(person: Person): Record<string, SpreadsheetCell> {
  return {
    first_name: person.first_name,
    last_name: person.last_name,
    email: person.emails[0]?.address ?? person.organizations.find((link) => link.email)?.email ?? null,
    phone: person.phones[0]?.number ?? person.organizations.find((link) => link.phone)?.phone ?? null,
    organizations:
      person.organizations.map((link) => link.organization_name + (link.role ? ` (${link.role})` : '')).join('; ') ||
      null,
    tags: person.tags.join('; ') || null,
  };
}

/** The (filtered, sorted) organizations list as CSV or XLSX. */
export async function exportOrganizations(ctx: TenantContext, query: OrganizationExportQuery): Promise<ExportFile> {
  const { format, ...filters } = query;
  const { rows } = await listOrganizationRows(ctx.tx, ctx.tenantId, { ...filters, limit: RELATION_EXPORT_MAX_ROWS });
  const organizations = await organizationsWithDetails(ctx.tx, ctx.tenantId, rows);
  const file = await toSpreadsheet(
    organizations.map(organizationCells),
    ORGANIZATION_EXPORT_COLUMNS,
    format,
    'Organizations',
  );
  await recordAuditEvent(ctx, {
    action: 'organizations.exported',
    targetType: 'organization',
    details: { format, count: organizations.length },
  });
  return { ...file, fileName: `organizations-${today()}.${format}`, count: organizations.length };
}

/** The (filtered, sorted) persons list as CSV or XLSX. */
export async function exportPersons(ctx: TenantContext, query: PersonExportQuery): Promise<ExportFile> {
  const { format, ...filters } = query;
  const { rows } = await listPersonRows(ctx.tx, ctx.tenantId, { ...filters, limit: RELATION_EXPORT_MAX_ROWS });
  const persons = await personsWithDetails(ctx.tx, ctx.tenantId, rows);
  const file = await toSpreadsheet(persons.map(personCells), PERSON_EXPORT_COLUMNS, format, 'Persons');
  await recordAuditEvent(ctx, {
    action: 'persons.exported',
    targetType: 'person',
    details: { format, count: persons.length },
  });
  return { ...file, fileName: `persons-${today()}.${format}`, count: persons.length };
}
