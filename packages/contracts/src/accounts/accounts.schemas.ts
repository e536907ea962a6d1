import { z } from 'zod';
import { clearable, countryCode, email, kvkNumber, locale, timestamp } from '../common/fields.ts';
import { moduleName, tenantAccess } from '../platform/modules.ts';
import { billingPeriod } from '../platform/prices.ts';

export const role = z.enum(['owner', 'admin', 'member']);
export type Role = z.infer<typeof role>;

export const password = z.string().min(10, { message: 'password_too_short' }).max(128, { message: 'too_long' });

export const customerType = z.enum(['business', 'private']);

export const postalAddress = z.strictObject({
  street: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'too_long' }),
  postal_code: z.string().trim().min(1, { message: 'required' }).max(20, { message: 'too_long' }),
  city: z.string().trim().min(1, { message: 'required' }).max(100, { message: 'too_long' }),
  country: countryCode.default('NL'),
});

/**
 * Sign-up creates the user (unverified), the tenant as a 14-day demo and the owner membership in
 * one step. It asks what an order needs (terms art. 4, 6): private person or business (a private
 * person confirms being 18 or older), identity with address, KvK optional, and the intended
 * modules, users and billing period, which the order form later starts from.
 */
export const signUp = z
  .strictObject({
    customer_type: customerType.default('business'),
    adult_confirmed: z.boolean().optional(),
    company_name: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'too_long' }),
    kvk_number: clearable(kvkNumber),
    address: postalAddress,
    name: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'too_long' }),
    email,
    password,
    locale: locale.default('nl'),
    modules: z.array(moduleName).max(20).default([]),
    users: z.number().int().min(1, { message: 'too_small' }).max(10_000).default(1),
    period: billingPeriod.default('month'),
  })
  .refine((value) => value.customer_type === 'business' || value.adult_confirmed === true, {
    message: 'adult_confirmation_required',
    path: ['adult_confirmed'],
  });
export type SignUp = z.infer<typeof signUp>;

export const signUpResult = z.object({ user_id: z.uuid(), tenant_id: z.uuid() });

export const tenantSummary = z.object({ id: z.uuid(), name: z.string(), role });

export const me = z.object({
  object: z.literal('me'),
  user: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    locale,
    two_factor_enabled: z.boolean(),
  }),
  tenant: tenantSummary.nullable(),
  /** State, modules and seats of the active tenant: what the screens may offer. */
  access: tenantAccess.nullable(),
  tenants: z.array(tenantSummary),
});
export type Me = z.infer<typeof me>;

export const updateMe = z.strictObject({
  name: z.string().trim().min(1, { message: 'required' }).max(200).optional(),
  locale: locale.optional(),
});

export const switchTenant = z.strictObject({ tenant_id: z.uuid({ message: 'invalid_id' }) });

export const member = z.object({
  id: z.uuid(),
  user_id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role,
  created_at: timestamp,
});
export type Member = z.infer<typeof member>;

export const updateMember = z.strictObject({ role });

export const createInvitation = z.strictObject({ email, role: role.default('member') });
export type CreateInvitation = z.infer<typeof createInvitation>;

export const invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role,
  status: z.enum(['pending', 'accepted', 'canceled', 'expired']),
  expires_at: timestamp,
  created_at: timestamp,
});
export type Invitation = z.infer<typeof invitation>;

/** What the accept page may show before login: enough to recognise the invitation, nothing more. */
export const publicInvitation = z.object({
  id: z.uuid(),
  tenant_name: z.string(),
  inviter_name: z.string(),
  email: z.string(),
  role,
  has_account: z.boolean(),
  status: invitation.shape.status,
});

/** A new user sets name and password; an existing user (logged in as the invited e-mail) sends {}. */
export const acceptInvitation = z.strictObject({
  name: z.string().trim().min(1, { message: 'required' }).max(200).optional(),
  password: password.optional(),
  locale: locale.optional(),
});

export const apiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  created_at: timestamp,
  last_used_at: timestamp.nullable(),
  revoked_at: timestamp.nullable(),
});
export type ApiKey = z.infer<typeof apiKey>;

export const createApiKey = z.strictObject({
  name: z.string().trim().min(1, { message: 'required' }).max(100, { message: 'too_long' }),
});

/** The only response that carries the secret; it is never shown again. */
export const createdApiKey = apiKey.extend({ key: z.string() });

export const auditEvent = z.object({
  id: z.uuid(),
  occurred_at: timestamp,
  actor_type: z.enum(['user', 'api_key', 'system', 'anonymous', 'operator']),
  actor_id: z.string().nullable(),
  actor_name: z.string().nullable(),
  action: z.string(),
  target_type: z.string().nullable(),
  target_id: z.string().nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  request_id: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const job = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(['queued', 'running', 'completed', 'failed']),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Job = z.infer<typeof job>;

export const outboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sent_at: timestamp,
});
export type OutboxMessage = z.infer<typeof outboxMessage>;

export const publicConfig = z.object({ dev_outbox: z.boolean(), base_url: z.string() });
