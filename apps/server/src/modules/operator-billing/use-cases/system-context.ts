import type { Tx } from '../../../kernel/db/database.ts';
import { SYSTEM_ACTOR, type TenantContext } from '../../../kernel/tenancy/tenant-context.ts';

/** The operator's billing acts as the system in the operator's tenant (events, jobs). */
export const systemContext = (tenantId: string, tx: Tx): TenantContext => ({
  tenantId,
  actor: SYSTEM_ACTOR,
  role: 'owner',
  locale: 'nl',
  meta: { requestId: null, ip: null, userAgent: null },
  tx,
});
