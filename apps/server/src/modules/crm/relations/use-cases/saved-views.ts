import type { CreateSavedView, SavedView } from '@clientbox/contracts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import {
  deleteSavedViewRow,
  insertSavedView,
  listSavedViewRows,
  type SavedViewRow,
} from '../saved-views.repository.ts';

const toSavedView = (row: SavedViewRow): SavedView => ({
  object: 'saved_view',
  id: row.id,
  list: row.list as SavedView['list'],
  name: row.name,
  query: row.query as SavedView['query'],
  created_at: row.createdAt.toISOString(),
});

/** Saved views belong to a person who logs in; an API key has none. */
function userOf(ctx: TenantContext): string | null {
  return ctx.actor.type === 'user' ? ctx.actor.id : null;
}

export async function listSavedViews(ctx: TenantContext, list: SavedView['list']): Promise<SavedView[]> {
  const userId = userOf(ctx);
  return userId ? (await listSavedViewRows(ctx.tx, ctx.tenantId, userId, list)).map(toSavedView) : [];
}

export async function createSavedView(ctx: TenantContext, input: CreateSavedView): Promise<SavedView> {
  const userId = userOf(ctx);
  if (!userId) throw new AppError('forbidden', { detail: 'Saved views belong to a user who logs in.' });
  return toSavedView(
    await insertSavedView(ctx.tx, {
      tenantId: ctx.tenantId,
      userId,
      list: input.list,
      name: input.name,
      query: input.query,
    }),
  );
}

export async function deleteSavedView(ctx: TenantContext, id: string): Promise<void> {
  const userId = userOf(ctx);
  if (!userId || !(await deleteSavedViewRow(ctx.tx, ctx.tenantId, userId, id)))
    throw new AppError('saved_view_not_found');
}
