import { NL_DEFAULT_VAT_RATES } from '@clientbox/contracts';
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../kernel/db/database.ts';
import { vatRates } from './products.tables.ts';

export type VatRateRow = typeof vatRates.$inferSelect;

/** The rates as `vatRateOn` reads them. */
export function toDatedRates(rows: readonly VatRateRow[]) {
  return rows.map((row) => ({ rate_class: row.rateClass, percent: row.percent, valid_from: row.validFrom }));
}

/** Every dated rate of the tenant, by class and date, without creating any (the export reads, it does not write). */
export function listVatRateRows(tx: Tx, tenantId: string): Promise<VatRateRow[]> {
  return tx
    .select()
    .from(vatRates)
    .where(eq(vatRates.tenantId, tenantId))
    .orderBy(asc(vatRates.rateClass), asc(vatRates.validFrom));
}

/**
 * The tenant's rates; on first use the Dutch defaults are written, so a tenant can later add its
 * own dated rates next to them. Two first uses at once both insert: the unique key
 * (class, valid_from) keeps one of each.
 */
export async function ensureVatRates(tx: Tx, tenantId: string): Promise<VatRateRow[]> {
  const rows = await listVatRateRows(tx, tenantId);
  if (rows.length > 0) return rows;
  await tx
    .insert(vatRates)
    .values(
      NL_DEFAULT_VAT_RATES.map((rate) => ({
        tenantId,
        rateClass: rate.rate_class,
        percent: rate.percent,
        validFrom: rate.valid_from,
      })),
    )
    .onConflictDoNothing();
  return listVatRateRows(tx, tenantId);
}

/** Null when the class already has a rate from that date. */
export async function insertVatRate(
  tx: Tx,
  tenantId: string,
  values: { rateClass: string; percent: string; validFrom: string; note: string | null },
): Promise<VatRateRow | null> {
  const [row] = await tx
    .insert(vatRates)
    .values({ tenantId, ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** An import replaces the rates the tenant has (the defaults of an empty tenant) with the archive's. */
export async function replaceVatRates(
  tx: Tx,
  tenantId: string,
  rows: { rateClass: string; percent: string; validFrom: string; note: string | null; createdAt?: Date }[],
): Promise<void> {
  await tx.delete(vatRates).where(eq(vatRates.tenantId, tenantId));
  if (rows.length > 0) await tx.insert(vatRates).values(rows.map((row) => ({ tenantId, ...row })));
}
