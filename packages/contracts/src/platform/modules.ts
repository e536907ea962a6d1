import { z } from 'zod';

/** The modules of terms art. 2. The base package (art. 11) is one login with CRM and HRM. */
export const MODULE_NAMES = [
  'crm',
  'hrm',
  'products',
  'time_tracking',
  'assignments',
  'tickets',
  'quotes',
  'invoices',
  'subscriptions',
  'api',
  'voip',
] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];
export const BASE_MODULES: readonly ModuleName[] = ['crm', 'hrm'];
export const moduleName = z.enum(MODULE_NAMES);

export const tenantState = z.enum(['demo', 'active', 'expired', 'suspended', 'deactivated']);
export type TenantState = z.infer<typeof tenantState>;

/** What a tenant may use right now; every request and every screen asks this. */
export const tenantAccess = z.object({
  state: tenantState,
  demo_ends_at: z.iso.datetime({ offset: true }),
  demo_days_left: z.number().int(),
  modules: z.array(moduleName),
  seats: z.number().int().nullable(),
});
export type TenantAccess = z.infer<typeof tenantAccess>;
