import type { ApiKey } from '@clientbox/contracts';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/audit-log.ts';
import { apiKeys } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { generateApiKeySecret } from './api-key-secret.ts';

type Row = typeof apiKeys.$inferSelect;

export function toApiKeyDto(row: Row): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiKey(ctx: TenantContext, name: string): Promise<ApiKey & { key: string }> {
  const secret = generateApiKeySecret();
  const [row] = await ctx.tx
    .insert(apiKeys)
    .values({
      tenantId: ctx.tenantId,
      name,
      prefix: secret.prefix,
      keyHash: secret.hash,
      createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
    })
    .returning();
  await recordAuditEvent(ctx, {
    action: 'api_key.created',
    targetType: 'api_key',
    targetId: row!.id,
    details: { name, prefix: secret.prefix },
  });
  return { ...toApiKeyDto(row!), key: secret.key };
}

export async function listApiKeys(ctx: TenantContext): Promise<ApiKey[]> {
  const rows = await ctx.tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, ctx.tenantId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(toApiKeyDto);
}

export async function revokeApiKey(ctx: TenantContext, id: string): Promise<void> {
  const [row] = await ctx.tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name });
  if (!row) throw new AppError('not_found');
  await recordAuditEvent(ctx, {
    action: 'api_key.revoked',
    targetType: 'api_key',
    targetId: id,
    details: { name: row.name },
  });
}
