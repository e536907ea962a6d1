import { readFileSync } from 'node:fs';
import { and, desc, eq, gt, lte } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/audit-log.ts';
import type { Database, Db } from '../db/database.ts';
import { termsAcceptances, termsVersions, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

type Version = typeof termsVersions.$inferSelect;
const today = () => new Date().toISOString().slice(0, 10);
const summary = (version: Version) => ({ version: version.version, effective_from: version.effectiveFrom });

/** Terms art. 3: the operator publishes a version with the date it takes effect. */
export async function publishTermsVersion(db: Db, input: { version: string; effectiveFrom: string; body: string }) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.effectiveFrom))
    throw new AppError('validation_failed', {
      fields: [{ field: 'effective_from', code: 'invalid_date', message: 'YYYY-MM-DD' }],
    });
  if (!input.body.trim())
    throw new AppError('validation_failed', { fields: [{ field: 'body', code: 'required', message: 'required' }] });
  const [row] = await db.insert(termsVersions).values(input).onConflictDoNothing().returning();
  if (!row) throw new AppError('conflict', { detail: `Version ${input.version} exists already.` });
  return summary(row);
}

/** The version in force on `on` (the newest whose date has come), if any. */
export async function termsInForce(db: Db, on = today()): Promise<Version | null> {
  const [row] = await db
    .select()
    .from(termsVersions)
    .where(lte(termsVersions.effectiveFrom, on))
    .orderBy(desc(termsVersions.effectiveFrom))
    .limit(1);
  return row ?? null;
}

/** The first installation publishes the terms the product ships with. */
export async function ensureInitialTerms(database: Database): Promise<void> {
  const [any] = await database.owner.select({ id: termsVersions.id }).from(termsVersions).limit(1);
  if (any) return;
  const body = readFileSync(new URL('./algemene-voorwaarden-2026-1.txt', import.meta.url), 'utf8');
  await database.owner
    .insert(termsVersions)
    .values({ version: '2026-1', effectiveFrom: '2026-01-01', body })
    .onConflictDoNothing();
}

/** What a tenant's users see: the version in force, a coming one, and what the owner accepted. */
export async function termsStatus(ctx: TenantContext) {
  const current = await termsInForce(ctx.tx);
  const [upcoming] = await ctx.tx
    .select()
    .from(termsVersions)
    .where(gt(termsVersions.effectiveFrom, today()))
    .orderBy(termsVersions.effectiveFrom)
    .limit(1);
  const [accepted] = await ctx.tx
    .select({ version: termsVersions.version, acceptedAt: termsAcceptances.acceptedAt, acceptedBy: users.name })
    .from(termsAcceptances)
    .innerJoin(termsVersions, eq(termsVersions.id, termsAcceptances.termsVersionId))
    .leftJoin(users, eq(users.id, termsAcceptances.acceptedBy))
    .where(eq(termsAcceptances.tenantId, ctx.tenantId))
    .orderBy(desc(termsAcceptances.acceptedAt))
    .limit(1);
  const latest = upcoming ?? current;
  return {
    current: current ? summary(current) : null,
    upcoming: upcoming ? summary(upcoming) : null,
    accepted: accepted
      ? { version: accepted.version, accepted_at: accepted.acceptedAt.toISOString(), accepted_by: accepted.acceptedBy }
      : null,
    needs_acceptance: Boolean(latest && accepted?.version !== latest.version),
  };
}

/** Only the owner accepts for the tenant; who, when and from where is kept and audited. */
export async function acceptTerms(ctx: TenantContext, version: string) {
  if (ctx.role !== 'owner' || ctx.actor.type !== 'user')
    throw new AppError('forbidden', { detail: 'Only an owner accepts the terms.' });
  const [row] = await ctx.tx.select().from(termsVersions).where(eq(termsVersions.version, version));
  if (!row) throw new AppError('not_found');
  const [existing] = await ctx.tx
    .select({ id: termsAcceptances.id })
    .from(termsAcceptances)
    .where(and(eq(termsAcceptances.tenantId, ctx.tenantId), eq(termsAcceptances.termsVersionId, row.id)));
  if (!existing) {
    await ctx.tx
      .insert(termsAcceptances)
      .values({ tenantId: ctx.tenantId, termsVersionId: row.id, acceptedBy: ctx.actor.id, ip: ctx.meta.ip });
    await recordAuditEvent(ctx, {
      action: 'terms.accepted',
      targetType: 'terms_version',
      targetId: row.id,
      details: { version },
    });
  }
  return termsStatus(ctx);
}
