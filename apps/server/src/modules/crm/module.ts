import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleManifest } from '../../kernel/modules/index.ts';
import { registerActivityRoutes } from './activities/activities.routes.ts';
import { CRM_ERRORS } from './crm.errors.ts';
import { registerRelationExporters } from './relations/relations.export.ts';
import { registerRelationRoutes } from './relations/relations.routes.ts';

/**
 * Relations (terms art. 2: CRM, part of the base package): organizations and persons with their
 * contact details and search (`relations/`), and what happens with them — timeline, tasks and
 * the sales pipeline (`activities/`).
 */
export const crmModule: ModuleManifest<Kernel> = {
  name: 'crm',
  description: 'Relations: organizations, persons, contact details, search, timeline, tasks and deals',
  // The company profile holds the tenant's default payment term, which a relation without its
  // own term shows (`payment_term_days_effective`) and hands to the documents made for it.
  dependsOn: ['company'],
  entitlement: 'crm',
  errors: CRM_ERRORS,
  register: (kernel) => {
    registerRelationRoutes(kernel);
    // Before the activities' exporters: an import restores the relations they point at first.
    registerRelationExporters(kernel);
    registerActivityRoutes(kernel);
  },
};
