import type { BankStatement, BankStatementDetail, BankStatementListQuery } from '@clientbox/contracts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { toBankStatementDto, toBankStatementEntryDto } from '../bank-statements.dto.ts';
import { bankStatementNotFound } from '../bank-statements.errors.ts';
import {
  entriesOfStatement,
  entryStatusCounts,
  findBankStatement,
  listBankStatementRows,
  previousStatements,
} from '../bank-statements.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Imported statements, newest first, cursor-paged, with how many entries have each status. */
export async function listBankStatements(
  ctx: TenantContext,
  query: BankStatementListQuery,
): Promise<{ object: 'list'; data: BankStatement[]; has_more: boolean }> {
  const cursor = query.starting_after;
  const startingAfter = cursor
    ? UUID.test(cursor)
      ? await findBankStatement(ctx.tx, ctx.tenantId, cursor)
      : null
    : undefined;
  if (startingAfter === null)
    throw new AppError('validation_failed', {
      fields: [{ field: 'starting_after', code: 'invalid_cursor', message: 'not an id of this list' }],
    });
  const rows = await listBankStatementRows(ctx.tx, ctx.tenantId, { startingAfter, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const counts = await entryStatusCounts(
    ctx.tx,
    ctx.tenantId,
    page.map((row) => row.id),
  );
  const previous = await previousStatements(
    ctx.tx,
    ctx.tenantId,
    page.map((row) => row.accountIban),
  );
  return {
    object: 'list',
    data: page.map((row) => toBankStatementDto(row, counts, previous)),
    has_more: rows.length > query.limit,
  };
}

/** One statement with all its entries in file order and how each was matched. */
export async function getBankStatement(ctx: TenantContext, id: string): Promise<BankStatementDetail> {
  const row = await findBankStatement(ctx.tx, ctx.tenantId, id);
  if (!row) throw bankStatementNotFound();
  const entries = await entriesOfStatement(ctx.tx, ctx.tenantId, id);
  const counts = await entryStatusCounts(ctx.tx, ctx.tenantId, [id]);
  const previous = await previousStatements(ctx.tx, ctx.tenantId, [row.accountIban]);
  return {
    ...toBankStatementDto(row, counts, previous),
    entries: entries.map((entry) => toBankStatementEntryDto(entry, row.currency)),
  };
}
