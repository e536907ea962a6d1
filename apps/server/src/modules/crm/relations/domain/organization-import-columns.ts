import {
  ORGANIZATION_IMPORT_FIELDS,
  type OrganizationImportField,
  type OrganizationImportMapping,
} from '@clientbox/contracts';

/**
 * Column headers that mean a field, in Dutch and English as bookkeeping packages and CRMs export
 * them (normalized: lower case, without accents, spaces/dashes as `_`). The API's own field
 * names come first, so an export of this module maps onto itself.
 */
const HEADER_NAMES: Record<OrganizationImportField, string[]> = {
  name: ['name', 'naam', 'bedrijfsnaam', 'organisatie', 'organization', 'company', 'company_name', 'relatie'],
  trading_name: ['trading_name', 'handelsnaam'],
  kvk_number: ['kvk_number', 'kvk', 'kvk_nummer', 'kvknummer', 'coc', 'coc_number', 'chamber_of_commerce'],
  vat_number: ['vat_number', 'btw', 'btw_nummer', 'btwnummer', 'btw_id', 'vat', 'vat_id', 'omzetbelastingnummer'],
  iban: ['iban', 'rekeningnummer', 'bankrekening', 'bank_account'],
  bic: ['bic', 'swift'],
  email: ['email', 'e_mail', 'emailadres', 'e_mailadres', 'email_address', 'mail'],
  phone: ['phone', 'telefoon', 'telefoonnummer', 'tel', 'phone_number', 'telephone', 'mobiel', 'mobile'],
  street: ['street', 'straat', 'adres', 'address', 'straat_en_huisnummer'],
  postal_code: ['postal_code', 'postcode', 'zip', 'zip_code', 'postcode_code'],
  city: ['city', 'plaats', 'woonplaats', 'stad', 'vestigingsplaats', 'town'],
  country: ['country', 'land', 'landcode', 'country_code'],
  is_customer: ['is_customer', 'klant', 'customer', 'debiteur'],
  is_supplier: ['is_supplier', 'leverancier', 'supplier', 'crediteur'],
  website: ['website', 'web', 'url', 'site', 'internet'],
};

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The mapping a person most likely means: each field to the first column whose header names it. */
export function proposeOrganizationMapping(headers: readonly string[]): Record<OrganizationImportField, string | null> {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const mapping = {} as Record<OrganizationImportField, string | null>;
  for (const field of ORGANIZATION_IMPORT_FIELDS) {
    const index = normalized.findIndex((header, at) => !taken.has(at) && HEADER_NAMES[field].includes(header));
    if (index >= 0) taken.add(index);
    mapping[field] = index >= 0 ? headers[index]! : null;
  }
  return mapping;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const NO = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0', '-']);

/** "ja"/"nee", "yes"/"no", 1/0, x: anything else stays text, and the schema refuses it. */
function toBoolean(cell: string): boolean | string {
  const value = cell.toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return cell;
}

/** A cell the CSV export protected against formula execution ("'=…") gets its text back. */
const unprotect = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

/**
 * One data row as the body of `POST /api/v1/organizations` (empty cells left out, so defaults
 * apply): the e-mail, phone and address columns become one-item lists.
 */
export function organizationRowToInput(
  cells: readonly string[],
  headers: readonly string[],
  mapping: OrganizationImportMapping,
): Record<string, unknown> {
  const cell = (field: OrganizationImportField) => {
    const column = mapping[field];
    if (!column) return '';
    return unprotect((cells[headers.indexOf(column)] ?? '').trim());
  };
  const input: Record<string, unknown> = {};
  for (const field of ['name', 'trading_name', 'kvk_number', 'vat_number', 'iban', 'bic', 'website'] as const) {
    const value = cell(field);
    if (value !== '' || field === 'name') input[field] = value;
  }
  for (const field of ['is_customer', 'is_supplier'] as const) {
    const value = cell(field);
    if (value !== '') input[field] = toBoolean(value);
  }
  if (cell('email')) input.emails = [{ address: cell('email') }];
  if (cell('phone')) input.phones = [{ number: cell('phone') }];
  const address = { street: cell('street'), postal_code: cell('postal_code'), city: cell('city') };
  const country = cell('country').toUpperCase();
  if (address.street || address.postal_code || address.city || country) {
    input.addresses = [
      {
        type: 'visiting',
        ...Object.fromEntries(Object.entries(address).filter(([, value]) => value !== '')),
        ...(country ? { country } : {}),
      },
    ];
  }
  return input;
}

const LIST_FIELDS: Record<string, OrganizationImportField> = {
  'emails.0.address': 'email',
  'phones.0.number': 'phone',
  'addresses.0.street': 'street',
  'addresses.0.postal_code': 'postal_code',
  'addresses.0.city': 'city',
  'addresses.0.country': 'country',
};

/** An error on `phones.0.number` is about the file's phone column: report it as `phone`. */
export function importFieldOf(apiField: string): string {
  return LIST_FIELDS[apiField] ?? apiField;
}
