import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { countMessageIds } from '../batches.repository.ts';

/**
 * GrpHdr/MsgId: `{DD|RF}-{YYYYMMDD}-{n}`, n counting that day's files of the tenant. Banks refuse a
 * MsgId they have seen, so the database also keeps it unique per tenant; `offset` numbers several
 * files made in one request.
 */
export async function nextMessageId(ctx: TenantContext, kind: 'DD' | 'RF', today: string, offset = 0): Promise<string> {
  const prefix = `${kind}-${today.replaceAll('-', '')}-`;
  const taken = await countMessageIds(ctx.tx, ctx.tenantId, prefix);
  return `${prefix}${taken + 1 + offset}`;
}
