import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { productNotFound } from '../products.errors.ts';
import { deleteProductRow, findProduct } from '../products.repository.ts';

/**
 * Removes a product. Documents keep their own copy of a line (code, name, price, VAT), so a
 * quote or invoice made with it does not change; archiving is the way to keep it but stop offering it.
 */
export async function deleteProduct(ctx: TenantContext, id: string, expectedVersion: number | null): Promise<void> {
  const current = await findProduct(ctx.tx, ctx.tenantId, id);
  if (!current) throw productNotFound();
  if (expectedVersion !== null && expectedVersion !== current.version) throw new AppError('version_conflict');
  await deleteProductRow(ctx.tx, ctx.tenantId, id);
  await recordAuditEvent(ctx, {
    action: 'product.deleted',
    targetType: 'product',
    targetId: id,
    details: { code: current.code, name: current.name },
  });
}
