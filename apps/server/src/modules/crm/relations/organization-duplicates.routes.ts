import {
  mergeOrganization,
  organization,
  organizationDuplicates,
  organizationDuplicatesQuery,
  relationIdParams,
} from '@clientbox/contracts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { findDuplicateOrganizations } from './use-cases/find-duplicate-organizations.ts';
import { mergeOrganizations } from './use-cases/merge-organizations.ts';

/** "Bestaat deze relatie al?" before saving, and merging two organizations into one. */
export function registerOrganizationDuplicateRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Organizations'],
    method: 'GET',
    url: '/api/v1/organizations/duplicates',
    summary:
      'Organizations that may be the one being entered: the same KvK or VAT number, e-mail address or phone, ' +
      'or a very similar name (trigram similarity ≥ 0.6), each with its reasons',
    query: organizationDuplicatesQuery,
    response: { status: 200, schema: organizationDuplicates },
    handler: ({ ctx, query }) => findDuplicateOrganizations(ctx, query),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Organizations'],
    method: 'POST',
    url: '/api/v1/organizations/:id/merge',
    summary:
      'Merge duplicate_id into this organization: links, contact details, timeline, tasks and deals move over, ' +
      'empty fields are filled, the duplicate is deleted',
    params: relationIdParams,
    body: mergeOrganization,
    response: { status: 200, schema: organization },
    errors: [404],
    handler: async ({ ctx, params, body, reply }) => {
      const merged = await mergeOrganizations(ctx, params.id, body.duplicate_id);
      reply.header('etag', `"${merged.version}"`);
      return merged;
    },
  });
}
