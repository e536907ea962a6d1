import {
  PRODUCT_IMPORT_FIELDS,
  type ProductImportField,
  type ProductImportMapping,
  unitCodeFrom,
} from '@clientbox/contracts';
import { normalizeSearchText } from './search-text.ts';

/**
 * Column headers that mean a field, in Dutch and English as bookkeeping packages and webshops
 * export them (normalized: lower case, without accents, spaces/dashes as `_`). The API's own
 * field names come first, so an export of this module maps onto itself.
 */
const HEADER_NAMES: Record<ProductImportField, string[]> = {
  code: ['code', 'artikelcode', 'productcode', 'artikelnummer', 'artikelnr', 'sku', 'product_code', 'item_code'],
  name: ['name', 'naam', 'productnaam', 'artikelnaam', 'product', 'artikel', 'product_name', 'title', 'titel'],
  description: ['description', 'omschrijving', 'beschrijving', 'toelichting', 'details'],
  unit_code: ['unit_code', 'unit', 'eenheid', 'eenheidscode', 'uom'],
  unit_price: ['unit_price', 'price', 'prijs', 'verkoopprijs', 'stukprijs', 'sales_price', 'sale_price', 'tarief'],
  purchase_price: ['purchase_price', 'inkoopprijs', 'kostprijs', 'cost', 'cost_price', 'inkoop'],
  vat_category: ['vat_category', 'btw_categorie', 'btw_categorie_code', 'tax_category'],
  vat_rate: ['vat_rate', 'btw', 'btw_tarief', 'btw_percentage', 'btw_%', 'vat', 'vat_%', 'tax_rate'],
  vat_rate_class: ['vat_rate_class', 'btw_soort', 'tariefsoort', 'rate_class'],
  revenue_account: ['revenue_account', 'omzetrekening', 'grootboekrekening', 'grootboek', 'ledger_account'],
  category: ['category', 'categorie', 'productgroep', 'artikelgroep', 'groep', 'group'],
  recurring_period: ['recurring_period', 'periode', 'herhaling', 'terugkerend', 'billing_period', 'interval'],
};

const normalizeHeader = (header: string) =>
  normalizeSearchText(header)
    .replace(/[\s-]+/g, '_')
    .replace(/[^a-z0-9_%]/g, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');

/** The mapping a person most likely means: each field to the first column whose header names it. */
export function proposeMapping(headers: readonly string[]): Record<ProductImportField, string | null> {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const mapping = {} as Record<ProductImportField, string | null>;
  for (const field of PRODUCT_IMPORT_FIELDS) {
    const index = HEADER_NAMES[field]
      .map((name) => normalized.findIndex((header, position) => header === name && !taken.has(position)))
      .find((position) => position !== -1);
    if (index === undefined) mapping[field] = null;
    else {
      taken.add(index);
      mapping[field] = headers[index]!;
    }
  }
  return mapping;
}

/**
 * "€ 1.234,50", "12,5", "1,234.50" → "1234.50": spreadsheets in Dutch write a decimal comma
 * and a dot between thousands. A lone comma is a decimal comma; with both, the last one is.
 */
export function normalizeDecimalCell(cell: string): string {
  let text = cell.replace(/[€%\s\u00a0]/g, '').replace(/^EUR/i, '');
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma !== -1 && dot !== -1) {
    text = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (comma !== -1) text = text.replace(',', '.');
  return text;
}

const PERIODS: Record<string, 'month' | 'quarter' | 'year'> = {
  month: 'month',
  monthly: 'month',
  maand: 'month',
  maandelijks: 'month',
  per_maand: 'month',
  quarter: 'quarter',
  quarterly: 'quarter',
  kwartaal: 'quarter',
  per_kwartaal: 'quarter',
  year: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
  jaar: 'year',
  jaarlijks: 'year',
  per_jaar: 'year',
};

/** A cell the CSV export protected against formula execution ("'=…") gets its text back. */
const unprotect = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

function convert(field: ProductImportField, cell: string): string {
  switch (field) {
    case 'unit_price':
    case 'purchase_price':
    case 'vat_rate':
      return normalizeDecimalCell(cell);
    case 'unit_code':
      return unitCodeFrom(cell) ?? cell;
    case 'vat_category':
      return cell.toUpperCase();
    case 'vat_rate_class':
      return cell.toLowerCase();
    case 'recurring_period':
      return PERIODS[normalizeHeader(cell)] ?? cell;
    default:
      return cell;
  }
}

/**
 * One data row as the request body of a create (empty cells left out, so defaults apply) or an
 * update (an empty cell clears an optional field: an exported sheet that is edited and imported
 * again says what the product is now).
 */
export function rowToInput(
  cells: readonly string[],
  headers: readonly string[],
  mapping: ProductImportMapping,
  purpose: 'create' | 'update',
): Record<string, string | null> {
  const input: Record<string, string | null> = {};
  for (const field of PRODUCT_IMPORT_FIELDS) {
    const column = mapping[field];
    if (!column) continue;
    const cell = unprotect((cells[headers.indexOf(column)] ?? '').trim());
    if (cell !== '') input[field] = convert(field, cell);
    else if (purpose === 'update' && (field === 'name' || field === 'unit_price')) input[field] = '';
    else if (purpose === 'update' && NULLABLE.has(field)) input[field] = null;
  }
  return input;
}

/** Fields an update clears with an empty cell; an empty unit or category keeps what the product has. */
const NULLABLE = new Set<ProductImportField>([
  'description',
  'purchase_price',
  'vat_rate',
  'vat_rate_class',
  'revenue_account',
  'category',
  'recurring_period',
]);
