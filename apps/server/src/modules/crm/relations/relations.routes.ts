import {
  createSavedView as createSavedViewSchema,
  phoneLookup,
  phoneLookupQuery,
  relationIdParams,
  relationSearchQuery,
  relationSearchResults,
  savedView,
  savedViewListQuery,
  savedViews,
} from '@clientbox/contracts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { registerOrganizationDuplicateRoutes } from './organization-duplicates.routes.ts';
import { registerOrganizationTransferRoutes } from './organization-transfer.routes.ts';
import { registerRelationExportRoutes } from './relation-exports.routes.ts';
import { registerOrganizationRoutes } from './organizations.routes.ts';
import { registerPersonPrivacyRoutes } from './person-privacy.routes.ts';
import { registerPersonRoutes } from './persons.routes.ts';
import { lookupPhone } from './use-cases/lookup-phone.ts';
import { createSavedView, deleteSavedView, listSavedViews } from './use-cases/saved-views.ts';
import { searchRelations } from './use-cases/search-relations.ts';

/** Organizations, persons, their contact details, search and phone lookup. */
export function registerRelationRoutes(kernel: Kernel): void {
  registerOrganizationRoutes(kernel);
  registerOrganizationTransferRoutes(kernel);
  registerOrganizationDuplicateRoutes(kernel);
  registerRelationExportRoutes(kernel);
  registerPersonRoutes(kernel);
  registerPersonPrivacyRoutes(kernel);

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Relations'],
    method: 'GET',
    url: '/api/v1/relations/search',
    summary:
      'One search box over organizations and persons: names (typo tolerant), e-mails, phone numbers in any format, KvK, VAT, debtor and creditor numbers; best first',
    query: relationSearchQuery,
    response: { status: 200, schema: relationSearchResults },
    handler: ({ ctx, query }) => searchRelations(ctx, query),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Relations'],
    method: 'GET',
    url: '/api/v1/relations/lookup',
    summary: 'Who has this phone number (any format): organizations, persons and their organization links',
    query: phoneLookupQuery,
    response: { status: 200, schema: phoneLookup },
    handler: ({ ctx, query }) => lookupPhone(ctx, query.phone),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Relations'],
    method: 'GET',
    url: '/api/v1/saved_views',
    summary: "The user's saved views of a list (filters and sort)",
    query: savedViewListQuery,
    response: { status: 200, schema: savedViews },
    handler: async ({ ctx, query }) => ({
      object: 'list',
      data: await listSavedViews(ctx, query.list),
      has_more: false,
    }),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Relations'],
    method: 'POST',
    url: '/api/v1/saved_views',
    summary: 'Save a view of a list under a name (for the logged-in user)',
    body: createSavedViewSchema,
    response: { status: 201, schema: savedView },
    handler: ({ ctx, body }) => createSavedView(ctx, body),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Relations'],
    method: 'DELETE',
    url: '/api/v1/saved_views/:id',
    summary: 'Delete one of your saved views',
    params: relationIdParams,
    response: { status: 204 },
    errors: [404],
    handler: ({ ctx, params }) => deleteSavedView(ctx, params.id),
  });
}
