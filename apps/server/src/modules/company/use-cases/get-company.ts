import type { Company } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { toCompanyDto } from '../company.dto.ts';
import { findOrCreateCompany } from '../company.repository.ts';

export async function getCompany(ctx: TenantContext): Promise<Company> {
  return toCompanyDto(await findOrCreateCompany(ctx.tx, ctx.tenantId));
}
