import { eq } from 'drizzle-orm';
import type { Tx } from '../../kernel/db/database.ts';
import { tenants } from '../../kernel/db/schema.ts';
import { companyProfiles } from './company.tables.ts';

export type CompanyRow = typeof companyProfiles.$inferSelect;
export type CompanyChanges = Partial<Omit<CompanyRow, 'tenantId' | 'id' | 'version' | 'updatedAt'>>;

/** The profile row as stored, without creating it (the export reads, it does not write). */
export async function findCompany(tx: Tx, tenantId: string): Promise<CompanyRow | null> {
  const [row] = await tx.select().from(companyProfiles).where(eq(companyProfiles.tenantId, tenantId));
  return row ?? null;
}

/** The tenant's default payment term as stored; null while the profile row does not exist yet. */
export async function findDefaultPaymentTermDays(tx: Tx, tenantId: string): Promise<number | null> {
  const [row] = await tx
    .select({ days: companyProfiles.defaultPaymentTermDays })
    .from(companyProfiles)
    .where(eq(companyProfiles.tenantId, tenantId));
  return row?.days ?? null;
}

/**
 * What a new profile starts from: the name, address and KvK number given at sign-up (the
 * tenant row), so nobody types them twice.
 */
export async function initialCompanyValues(tx: Tx, tenantId: string) {
  const [tenant] = await tx
    .select({ name: tenants.name, address: tenants.address, kvkNumber: tenants.kvkNumber })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return {
    legalName: tenant?.name ?? '',
    street: tenant?.address?.street ?? null,
    postalCode: tenant?.address?.postal_code ?? null,
    city: tenant?.address?.city ?? null,
    country: tenant?.address?.country ?? 'NL',
    kvkNumber: tenant?.kvkNumber ?? null,
  };
}

/**
 * The profile row is created on first read from the sign-up details, so the kernel's sign-up
 * does not need to know this module.
 */
export async function findOrCreateCompany(tx: Tx, tenantId: string): Promise<CompanyRow> {
  const [row] = await tx.select().from(companyProfiles).where(eq(companyProfiles.tenantId, tenantId));
  if (row) return row;
  const [created] = await tx
    .insert(companyProfiles)
    .values({ tenantId, ...(await initialCompanyValues(tx, tenantId)) })
    .onConflictDoNothing()
    .returning();
  return created ?? (await findOrCreateCompany(tx, tenantId));
}

export async function updateCompanyRow(
  tx: Tx,
  tenantId: string,
  changes: CompanyChanges,
  version: number,
): Promise<CompanyRow> {
  const [row] = await tx
    .update(companyProfiles)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(eq(companyProfiles.tenantId, tenantId))
    .returning();
  return row!;
}
