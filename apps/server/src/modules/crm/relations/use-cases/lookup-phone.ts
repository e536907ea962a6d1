import { normalizePhoneNumber, type PhoneLookup } from '@clientbox/contracts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { organizationRowsByIds } from '../organizations.repository.ts';
import { personRowsByIds } from '../persons.repository.ts';
import { organizationsWithDetails, personsWithDetails } from '../relation-details.ts';
import { idsWithPhone } from '../search.repository.ts';

/** Who has this number (a caller id in any format): organizations and persons, on the E.164 column. */
export async function lookupPhone(ctx: TenantContext, phone: string): Promise<PhoneLookup> {
  const normalized = normalizePhoneNumber(phone);
  if (!normalized)
    throw new AppError('validation_failed', {
      fields: [{ field: 'phone', code: 'invalid_phone', message: 'not a valid phone number' }],
    });
  const ids = await idsWithPhone(ctx.tx, ctx.tenantId, normalized.e164);
  const organizationRows = await organizationRowsByIds(ctx.tx, ctx.tenantId, ids.organizationIds);
  const personRows = await personRowsByIds(ctx.tx, ctx.tenantId, ids.personIds);
  return {
    object: 'phone_lookup',
    e164: normalized.e164,
    organizations: await organizationsWithDetails(ctx.tx, ctx.tenantId, organizationRows),
    persons: await personsWithDetails(ctx.tx, ctx.tenantId, personRows),
  };
}
