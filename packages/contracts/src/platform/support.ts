import { z } from 'zod';
import { timestamp } from '../common/fields.ts';

/** Operator staff a tenant can let into its data (terms art. 16). */
export const supportStaffMember = z.object({ id: z.uuid(), name: z.string(), role: z.enum(['admin', 'support']) });

export const grantSupportAccess = z.strictObject({
  operator_user_id: z.uuid({ message: 'invalid_id' }),
  access: z.enum(['read', 'write']).default('read'),
  reason: z.string().trim().min(3, { message: 'required' }).max(500, { message: 'too_long' }),
  /** How long the grant lasts; at most 30 days. */
  hours: z.number().int().min(1, { message: 'too_small' }).max(720, { message: 'too_large' }).default(24),
});
export type GrantSupportAccess = z.infer<typeof grantSupportAccess>;

export const supportGrant = z.object({
  object: z.literal('support_grant'),
  id: z.uuid(),
  operator: supportStaffMember,
  access: z.enum(['read', 'write']),
  reason: z.string(),
  expires_at: timestamp,
  granted_by_name: z.string().nullable(),
  created_at: timestamp,
  revoked_at: timestamp.nullable(),
  is_active: z.boolean(),
});
export type SupportGrant = z.infer<typeof supportGrant>;

/** Terms art. 7: any member reports misuse of a login to the operator's helpdesk. */
export const reportMisuse = z.strictObject({
  description: z.string().trim().min(10, { message: 'too_short' }).max(5000, { message: 'too_long' }),
});
