import { amsterdamDate, type Mandate, type MandateListQuery } from '@clientbox/contracts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { toMandateDto } from '../mandates.dto.ts';
import { mandateNotFound } from '../mandates.errors.ts';
import { findMandate, listMandateRows } from '../mandates.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Newest first, cursor-paged; `expired` is a condition on the dates, so it pages in the database. */
export async function listMandates(
  ctx: TenantContext,
  query: MandateListQuery,
  publicBaseUrl: string,
): Promise<{ object: 'list'; data: Mandate[]; has_more: boolean }> {
  const cursor = query.starting_after;
  const startingAfter = cursor
    ? UUID.test(cursor)
      ? await findMandate(ctx.tx, ctx.tenantId, cursor)
      : null
    : undefined;
  if (startingAfter === null)
    throw new AppError('validation_failed', {
      fields: [{ field: 'starting_after', code: 'invalid_cursor', message: 'not an id of this list' }],
    });
  const today = amsterdamDate();
  const rows = await listMandateRows(ctx.tx, ctx.tenantId, {
    customerId: query.customer_id,
    status: query.status,
    today,
    startingAfter,
    limit: query.limit + 1,
  });
  return {
    object: 'list',
    data: rows.slice(0, query.limit).map((row) => toMandateDto(row, publicBaseUrl, today)),
    has_more: rows.length > query.limit,
  };
}

export async function getMandate(ctx: TenantContext, id: string, publicBaseUrl: string): Promise<Mandate> {
  const row = await findMandate(ctx.tx, ctx.tenantId, id);
  if (!row) throw mandateNotFound();
  return toMandateDto(row, publicBaseUrl);
}
