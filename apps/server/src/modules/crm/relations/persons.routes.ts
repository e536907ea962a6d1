import {
  createPerson as createPersonSchema,
  person,
  personList,
  personListQuery,
  relationIdParams,
  updatePerson as updatePersonSchema,
} from '@clientbox/contracts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { versionFromIfMatch } from '../activities/shared/if-match.ts';
import { createPerson } from './use-cases/create-person.ts';
import { deletePerson } from './use-cases/delete-person.ts';
import { getPerson } from './use-cases/get-person.ts';
import { listPersons } from './use-cases/list-persons.ts';
import { updatePerson } from './use-cases/update-person.ts';

export function registerPersonRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Persons'],
    method: 'GET',
    url: '/api/v1/persons',
    summary: 'List persons: filters (organization_id, tag, owner, updated_since), sort and cursor paging',
    query: personListQuery,
    response: { status: 200, schema: personList },
    handler: ({ ctx, query }) => listPersons(ctx, query),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Persons'],
    method: 'POST',
    url: '/api/v1/persons',
    summary: 'Create a person, linked to any number of organizations with a role, e-mail and phone each',
    body: createPersonSchema,
    response: { status: 201, schema: person },
    handler: async ({ ctx, body, reply }) => {
      const created = await createPerson(ctx, body);
      reply.header('etag', `"${created.version}"`).header('location', `/api/v1/persons/${created.id}`);
      return created;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Persons'],
    method: 'GET',
    url: '/api/v1/persons/:id',
    summary: 'A person with contact details and organization links',
    params: relationIdParams,
    response: { status: 200, schema: person },
    errors: [404],
    handler: async ({ ctx, params, reply }) => {
      const found = await getPerson(ctx, params.id);
      reply.header('etag', `"${found.version}"`);
      return found;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Persons'],
    method: 'PATCH',
    url: '/api/v1/persons/:id',
    summary: 'Change a person (only the fields sent; organizations sent replaces the links). Send If-Match.',
    params: relationIdParams,
    body: updatePersonSchema,
    response: { status: 200, schema: person },
    errors: [404, 412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const updated = await updatePerson(ctx, params.id, body, versionFromIfMatch(request.headers['if-match']));
      reply.header('etag', `"${updated.version}"`);
      return updated;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Persons'],
    method: 'DELETE',
    url: '/api/v1/persons/:id',
    summary: 'Delete a person with contact details and links; deals stay, without the person',
    params: relationIdParams,
    response: { status: 204 },
    errors: [404, 412],
    handler: ({ ctx, params, request }) =>
      deletePerson(ctx, params.id, versionFromIfMatch(request.headers['if-match'])),
  });
}
