import {
  createOrganization as createOrganizationSchema,
  organization,
  organizationList,
  organizationListQuery,
  relationIdParams,
  updateOrganization as updateOrganizationSchema,
} from '@clientbox/contracts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { versionFromIfMatch } from '../activities/shared/if-match.ts';
import { convertLead } from './use-cases/convert-lead.ts';
import { createOrganization } from './use-cases/create-organization.ts';
import { deleteOrganization } from './use-cases/delete-organization.ts';
import { getOrganization } from './use-cases/get-organization.ts';
import { listOrganizations } from './use-cases/list-organizations.ts';
import { updateOrganization } from './use-cases/update-organization.ts';

export function registerOrganizationRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Organizations'],
    method: 'GET',
    url: '/api/v1/organizations',
    summary:
      'List organizations: filters, sort and cursor paging; q matches every word, or exactly a phone number, e-mail address or identifier',
    query: organizationListQuery,
    response: { status: 200, schema: organizationList },
    handler: ({ ctx, query }) => listOrganizations(ctx, query),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Organizations'],
    method: 'POST',
    url: '/api/v1/organizations',
    summary: 'Create an organization (a customer gets a debtor number, a supplier a creditor number)',
    body: createOrganizationSchema,
    response: { status: 201, schema: organization },
    handler: async ({ ctx, body, reply }) => {
      const created = await createOrganization(ctx, body);
      reply.header('etag', `"${created.version}"`).header('location', `/api/v1/organizations/${created.id}`);
      return created;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Organizations'],
    method: 'GET',
    url: '/api/v1/organizations/:id',
    summary: 'An organization with its contact details and linked persons',
    params: relationIdParams,
    response: { status: 200, schema: organization },
    errors: [404],
    handler: async ({ ctx, params, reply }) => {
      const found = await getOrganization(ctx, params.id);
      reply.header('etag', `"${found.version}"`);
      return found;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Organizations'],
    method: 'PATCH',
    url: '/api/v1/organizations/:id',
    summary: 'Change an organization (only the fields sent; a list sent replaces the list). Send If-Match.',
    params: relationIdParams,
    body: updateOrganizationSchema,
    response: { status: 200, schema: organization },
    errors: [404, 412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const updated = await updateOrganization(ctx, params.id, body, versionFromIfMatch(request.headers['if-match']));
      reply.header('etag', `"${updated.version}"`);
      return updated;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Organizations'],
    method: 'POST',
    url: '/api/v1/organizations/:id/convert',
    summary: 'Convert a lead into a customer (debtor number given, history kept on the timeline)',
    params: relationIdParams,
    response: { status: 200, schema: organization },
    errors: [404, 409, 412],
    handler: async ({ ctx, params, request, reply }) => {
      const converted = await convertLead(ctx, params.id, versionFromIfMatch(request.headers['if-match']));
      reply.header('etag', `"${converted.version}"`);
      return converted;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Organizations'],
    method: 'DELETE',
    url: '/api/v1/organizations/:id',
    summary: 'Delete an organization with its contact details and links; its deals stay, without it',
    params: relationIdParams,
    response: { status: 204 },
    errors: [404, 412],
    handler: ({ ctx, params, request }) =>
      deleteOrganization(ctx, params.id, versionFromIfMatch(request.headers['if-match'])),
  });
}
