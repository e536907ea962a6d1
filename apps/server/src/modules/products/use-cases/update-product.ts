import type { Product, UpdateProduct } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { changedFields, productChangesFor } from '../product-changes.ts';
import { toProductDto } from '../products.dto.ts';
import { productCodeTaken, productNotFound } from '../products.errors.ts';
import {
  findProduct,
  findProductsByCodes,
  isUniqueViolation,
  type ProductRow,
  updateProductRow,
} from '../products.repository.ts';
import { loadVatRates } from './load-vat-rates.ts';

/**
 * Partial update with optimistic concurrency: with the version the caller read (If-Match), a
 * newer one on the server is a 412 instead of a silently lost update.
 */
export async function updateProduct(
  ctx: TenantContext,
  id: string,
  input: UpdateProduct,
  expectedVersion: number | null,
): Promise<Product> {
  const current = await findProduct(ctx.tx, ctx.tenantId, id);
  if (!current) throw productNotFound();
  if (expectedVersion !== null && expectedVersion !== current.version) throw new AppError('version_conflict');
  const { rates, today } = await loadVatRates(ctx);
  const { changes, errors } = productChangesFor(current, input, rates, today);
  if (errors.length > 0) throw new AppError('validation_failed', { fields: errors });
  const fields = changedFields(current, changes);
  if (fields.length === 0) return toProductDto(current, rates, today);
  if (changes.code !== undefined && changes.code !== current.code) {
    const [other] = await findProductsByCodes(ctx.tx, ctx.tenantId, [changes.code]);
    if (other) throw productCodeTaken();
  }
  let updated: ProductRow | null;
  try {
    updated = await updateProductRow(ctx.tx, current, changes);
  } catch (error) {
    // A concurrent request took the code between the check and the write.
    if (isUniqueViolation(error, 'products_code_key')) throw productCodeTaken();
    throw error;
  }
  if (!updated) throw new AppError('version_conflict');
  await recordAuditEvent(ctx, {
    action: 'product.updated',
    targetType: 'product',
    targetId: id,
    details: { code: updated.code, fields },
  });
  return toProductDto(updated, rates, today);
}
