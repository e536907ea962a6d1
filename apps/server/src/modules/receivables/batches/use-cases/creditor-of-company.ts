import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getCompany } from '../../../company/index.ts';
import { creditorDetailsMissing } from '../batches.errors.ts';

/** The tenant as creditor (pain.008) or payer of refunds (pain.001): name, account and creditor id. */
export interface CompanyAccount {
  name: string;
  iban: string;
  bic: string | null;
  creditorId: string | null;
}

/** The company profile's name and account; `needsCreditorId` for direct debit (§5.3). */
export async function companyAccount(ctx: TenantContext, needsCreditorId: boolean): Promise<CompanyAccount> {
  const company = await getCompany(ctx);
  const missing = [
    ...(company.iban ? [] : ['iban']),
    ...(needsCreditorId && !company.sepa_creditor_id ? ['sepa_creditor_id'] : []),
  ];
  if (missing.length) throw creditorDetailsMissing(missing);
  return {
    name: company.legal_name,
    iban: company.iban!,
    bic: company.bic,
    creditorId: company.sepa_creditor_id,
  };
}
