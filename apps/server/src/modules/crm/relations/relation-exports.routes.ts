import { organizationExportQuery, personExportQuery, relationIdParams } from '@clientbox/contracts';
import type { FastifyReply } from 'fastify';
import type { Kernel } from '../../../kernel/kernel.ts';
import { type ExportFile, exportOrganizations, exportPersons } from './use-cases/export-relations.ts';
import { getPersonVCard } from './use-cases/get-person-vcard.ts';

function sendFile(reply: FastifyReply, file: Pick<ExportFile, 'fileName' | 'contentType' | 'bytes'>) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}

/** The relation lists as spreadsheets, and a person as a vCard. */
export function registerRelationExportRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Organizations'],
    method: 'GET',
    url: '/api/v1/organizations/export',
    summary:
      'The (filtered) organizations list as CSV (UTF-8, comma-separated) or XLSX; the first columns import again as they are',
    query: organizationExportQuery,
    response: { status: 200, contentType: 'text/csv' },
    handler: async ({ ctx, query, reply }) => sendFile(reply, await exportOrganizations(ctx, query)),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Persons'],
    method: 'GET',
    url: '/api/v1/persons/export',
    summary: 'The (filtered) persons list as CSV (UTF-8, comma-separated) or XLSX',
    query: personExportQuery,
    response: { status: 200, contentType: 'text/csv' },
    handler: async ({ ctx, query, reply }) => sendFile(reply, await exportPersons(ctx, query)),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Persons'],
    method: 'GET',
    url: '/api/v1/persons/:id/vcard',
    summary: 'The person as a vCard 4.0 (text/vcard): name, organizations with role, e-mail addresses, phones',
    params: relationIdParams,
    response: { status: 200, contentType: 'text/vcard' },
    errors: [404],
    handler: async ({ ctx, params, reply }) => {
      const card = await getPersonVCard(ctx, params.id);
      return sendFile(reply, {
        fileName: card.fileName,
        contentType: 'text/vcard; charset=utf-8',
        bytes: Buffer.from(card.text, 'utf8'),
      });
    },
  });
}
