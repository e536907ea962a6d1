import type { Company, UpdateCompany } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { toCompanyChanges, toCompanyDto } from '../company.dto.ts';
import { findOrCreateCompany, updateCompanyRow } from '../company.repository.ts';

/**
 * Partial update with optimistic concurrency: when the caller sends the version it read
 * (If-Match), a newer version on the server is a 412 instead of a silently lost update.
 */
export async function updateCompany(
  ctx: TenantContext,
  input: UpdateCompany,
  expectedVersion: number | null,
): Promise<Company> {
  const current = await findOrCreateCompany(ctx.tx, ctx.tenantId);
  if (expectedVersion !== null && expectedVersion !== current.version) throw new AppError('version_conflict');
  const changes = toCompanyChanges(input);
  const changed = Object.keys(changes).filter(
    (key) => changes[key as keyof typeof changes] !== current[key as keyof typeof current],
  );
  if (changed.length === 0) return toCompanyDto(current);
  const updated = await updateCompanyRow(ctx.tx, ctx.tenantId, changes, current.version);
  await recordAuditEvent(ctx, {
    action: 'company.updated',
    targetType: 'company',
    targetId: current.id,
    details: { fields: changed },
  });
  return toCompanyDto(updated);
}
