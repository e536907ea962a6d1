import type { CreateProduct, Product } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { resolveVatChoice } from '../domain/resolve-vat.ts';
import { toProductChanges, toProductDto } from '../products.dto.ts';
import { productCodeTaken } from '../products.errors.ts';
import { insertProduct, type ProductValues } from '../products.repository.ts';
import { loadVatRates } from './load-vat-rates.ts';

export async function createProduct(ctx: TenantContext, input: CreateProduct): Promise<Product> {
  const { rates, today } = await loadVatRates(ctx);
  const vat = resolveVatChoice(
    { category: input.vat_category, rate: input.vat_rate, rateClass: input.vat_rate_class },
    rates,
    today,
  );
  if (!vat.choice) throw new AppError('validation_failed', { fields: vat.errors });
  const values = { ...toProductChanges(input), ...vat.choice } as ProductValues;
  const row = await insertProduct(ctx.tx, ctx.tenantId, values);
  if (!row) throw productCodeTaken();
  await recordAuditEvent(ctx, {
    action: 'product.created',
    targetType: 'product',
    targetId: row.id,
    details: { code: row.code, name: row.name },
  });
  return toProductDto(row, rates, today);
}
