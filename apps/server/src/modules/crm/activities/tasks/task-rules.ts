import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { actingUserId, findTenantMember } from '../shared/tenant-members.ts';

/** A task is assigned to a member of this tenant: someone who can see it under "my tasks". */
export async function assertAssignable(ctx: TenantContext, userId: string): Promise<void> {
  if (!(await findTenantMember(ctx.tx, ctx.tenantId, userId)))
    throw new AppError('validation_failed', {
      fields: [{ field: 'assignee_user_id', code: 'not_a_member', message: 'not a member of this account' }],
    });
}

/** `me` in a filter: the logged-in person; an API key has no tasks of its own. */
export function resolveUserFilter(ctx: TenantContext, value: string | undefined, field: string): string | undefined {
  if (value !== 'me') return value;
  const userId = actingUserId(ctx.actor);
  if (!userId)
    throw new AppError('validation_failed', {
      fields: [{ field, code: 'user_required', message: '"me" needs a logged-in user; give a user id' }],
    });
  return userId;
}
