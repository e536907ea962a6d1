import type { ExportOnlyExporter } from '../../../kernel/export/export-registry.ts';
import { allPlatformCustomerRows } from '../operator-billing.repository.ts';

interface PlatformCustomerArchiveRow extends Record<string, unknown> {
  platform_tenant_id: string;
  organization_id: string | null;
  person_id: string | null;
  suspended_for_payment_at: string | null;
  created_at: string;
}

/**
 * Which CRM customer is which tenant of the platform, and whether this module suspended it for
 * arrears (art. 13). **Export only**: the link names tenants of the installation the archive was
 * made in, and gives power over them (a final notice left unpaid suspends the linked tenant, a
 * payment lifts it). An uploaded file must never create such a link; the operator's billing makes
 * them again from the platform's own events.
 */
export const platformCustomersExporter: ExportOnlyExporter<PlatformCustomerArchiveRow> = {
  entity: 'operator_billing.platform_customers',
  csv: true,
  columns: ['platform_tenant_id', 'organization_id', 'person_id', 'suspended_for_payment_at', 'created_at'],

  async export(ctx) {
    return (await allPlatformCustomerRows(ctx.tx, ctx.tenantId)).map((row) => ({
      platform_tenant_id: row.platformTenantId,
      organization_id: row.organizationId,
      person_id: row.personId,
      suspended_for_payment_at: row.suspendedForPaymentAt?.toISOString() ?? null,
      created_at: row.createdAt.toISOString(),
    }));
  },
};
