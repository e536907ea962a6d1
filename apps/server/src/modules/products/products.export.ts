import {
  createProduct,
  createVatRate,
  formatUnitPrice,
  NL_DEFAULT_VAT_RATES,
  normalizePercent,
  parseUnitPrice,
  timestamp,
} from '@clientbox/contracts';
import { z } from 'zod';
import { AppError } from '../../kernel/errors/app-error.ts';
import type { ImportableExporter } from '../../kernel/export/export-registry.ts';
import { resolveVatChoice } from './domain/resolve-vat.ts';
import { hasProducts, insertProducts, listProductsForArchive, type ProductValues } from './products.repository.ts';
import { listVatRateRows, replaceVatRates } from './vat-rates.repository.ts';
import { loadVatRates } from './use-cases/load-vat-rates.ts';

function invalid(entity: string, detail: string): AppError {
  return new AppError('import_archive_invalid', { detail: `${entity}: ${detail}` });
}

function firstIssue(entity: string, index: number, error: z.ZodError): AppError {
  const issue = error.issues[0]!;
  return invalid(entity, `row ${index + 1}, ${issue.path.join('.')}: ${issue.message}`);
}

interface VatRateArchiveRow {
  [column: string]: unknown;
  rate_class: string;
  percent: string;
  valid_from: string;
  note: string | null;
  created_at: string;
}

const importedVatRate = createVatRate.extend({ created_at: timestamp.optional() });
const defaultKeys = new Set(
  NL_DEFAULT_VAT_RATES.map((rate) => `${rate.rate_class}|${rate.percent}|${rate.valid_from}`),
);

/**
 * The tenant's dated VAT rates (terms art. 17). "Empty" is the Dutch defaults a tenant starts
 * with; a rate an admin added is data. Registered before the products, so an import restores
 * the rate classes before the products that name them.
 */
export const vatRatesExporter: ImportableExporter<VatRateArchiveRow> = {
  entity: 'products.vat_rates',
  csv: true,
  columns: ['rate_class', 'percent', 'valid_from', 'note', 'created_at'],

  async export({ tenantId, tx }) {
    return (await listVatRateRows(tx, tenantId)).map((row) => ({
      rate_class: row.rateClass,
      percent: row.percent,
      valid_from: row.validFrom,
      note: row.note,
      created_at: row.createdAt.toISOString(),
    }));
  },

  async hasData({ tenantId, tx }) {
    const rows = await listVatRateRows(tx, tenantId);
    return rows.some(
      (row) =>
        row.note !== null || !defaultKeys.has(`${row.rateClass}|${normalizePercent(row.percent)}|${row.validFrom}`),
    );
  },

  async import(ctx, rows) {
    if (rows.length === 0) return;
    const seen = new Set<string>();
    const values = rows.map((row, index) => {
      const parsed = importedVatRate.safeParse(row);
      if (!parsed.success) throw firstIssue('products.vat_rates', index, parsed.error);
      const key = `${parsed.data.rate_class}|${parsed.data.valid_from}`;
      if (seen.has(key)) throw invalid('products.vat_rates', `row ${index + 1}: ${key} appears twice`);
      seen.add(key);
      return {
        rateClass: parsed.data.rate_class,
        percent: parsed.data.percent,
        validFrom: parsed.data.valid_from,
        note: parsed.data.note ?? null,
        ...(parsed.data.created_at ? { createdAt: new Date(parsed.data.created_at) } : {}),
      };
    });
    await replaceVatRates(ctx.tx, ctx.tenantId, values);
  },
};

interface ProductArchiveRow {
  [column: string]: unknown;
  id: string;
  code: string;
  name: string;
  description: string | null;
  unit_code: string;
  unit_price: string;
  purchase_price: string | null;
  vat_category: string;
  vat_rate_class: string | null;
  revenue_account: string | null;
  category: string | null;
  recurring_period: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A row from an uploaded archive passes the same schema as a POST of a product. */
const importedProduct = z.object({
  ...createProduct.shape,
  id: z.uuid(),
  archived_at: timestamp.nullable().optional(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});

/**
 * The catalogue (terms art. 17), with the ids, so documents that a later import restores can
 * still point at their products. Empty means no product at all.
 */
export const productsExporter: ImportableExporter<ProductArchiveRow> = {
  entity: 'products.products',
  csv: true,
  columns: [
    'id',
    'code',
    'name',
    'description',
    'unit_code',
    'unit_price',
    'purchase_price',
    'vat_category',
    'vat_rate_class',
    'revenue_account',
    'category',
    'recurring_period',
    'archived_at',
    'created_at',
    'updated_at',
  ],

  async export({ tenantId, tx }) {
    return (await listProductsForArchive(tx, tenantId)).map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      description: row.description,
      unit_code: row.unitCode,
      unit_price: formatUnitPrice(row.unitPrice),
      purchase_price: row.purchasePrice === null ? null : formatUnitPrice(row.purchasePrice),
      vat_category: row.vatCategory,
      vat_rate_class: row.vatRateClass,
      revenue_account: row.revenueAccount,
      category: row.category,
      recurring_period: row.recurringPeriod,
      archived_at: row.archivedAt?.toISOString() ?? null,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasProducts(tx, tenantId),

  async import(ctx, rows) {
    const { rates, today } = await loadVatRates(ctx);
    const codes = new Set<string>();
    const values = rows.map((row, index): ProductValues => {
      const parsed = importedProduct.safeParse(row);
      if (!parsed.success) throw firstIssue('products.products', index, parsed.error);
      const input = parsed.data;
      if (codes.has(input.code))
        throw invalid('products.products', `row ${index + 1}: code ${input.code} appears twice`);
      codes.add(input.code);
      const vat = resolveVatChoice(
        { category: input.vat_category, rate: input.vat_rate, rateClass: input.vat_rate_class },
        rates,
        today,
      );
      if (!vat.choice)
        throw invalid('products.products', `row ${index + 1}, ${vat.errors[0]!.field}: ${vat.errors[0]!.code}`);
      return {
        id: input.id,
        code: input.code,
        name: input.name,
        description: input.description ?? null,
        unitCode: input.unit_code,
        unitPrice: parseUnitPrice(input.unit_price),
        purchasePrice: input.purchase_price ? parseUnitPrice(input.purchase_price) : null,
        ...vat.choice,
        revenueAccount: input.revenue_account ?? null,
        category: input.category ?? null,
        recurringPeriod: input.recurring_period ?? null,
        archivedAt: input.archived_at ? new Date(input.archived_at) : null,
        ...(input.created_at ? { createdAt: new Date(input.created_at) } : {}),
        ...(input.updated_at ? { updatedAt: new Date(input.updated_at) } : {}),
      };
    });
    for (let start = 0; start < values.length; start += 500) {
      const chunk = values.slice(start, start + 500);
      const inserted = await insertProducts(ctx.tx, ctx.tenantId, chunk);
      if (inserted.length !== chunk.length) throw invalid('products.products', 'a code or id exists already');
    }
  },
};
