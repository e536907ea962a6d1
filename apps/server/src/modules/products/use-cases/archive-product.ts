import type { Product } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { toProductDto } from '../products.dto.ts';
import { productNotFound } from '../products.errors.ts';
import { findProduct, updateProductRow } from '../products.repository.ts';
import { loadVatRates } from './load-vat-rates.ts';

/**
 * An archived product stays readable (documents and reports refer to it) but is no longer
 * offered in pickers. Archiving what is archived already changes nothing.
 */
export async function setProductArchived(
  ctx: TenantContext,
  id: string,
  isArchived: boolean,
  expectedVersion: number | null,
): Promise<Product> {
  const current = await findProduct(ctx.tx, ctx.tenantId, id);
  if (!current) throw productNotFound();
  if (expectedVersion !== null && expectedVersion !== current.version) throw new AppError('version_conflict');
  const { rates, today } = await loadVatRates(ctx);
  if ((current.archivedAt !== null) === isArchived) return toProductDto(current, rates, today);
  const updated = await updateProductRow(ctx.tx, current, { archivedAt: isArchived ? new Date() : null });
  if (!updated) throw new AppError('version_conflict');
  await recordAuditEvent(ctx, {
    action: isArchived ? 'product.archived' : 'product.unarchived',
    targetType: 'product',
    targetId: id,
    details: { code: current.code },
  });
  return toProductDto(updated, rates, today);
}
