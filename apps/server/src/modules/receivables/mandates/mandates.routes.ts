import {
  createMandate as createMandateSchema,
  listOf,
  type Mandate,
  mandate,
  mandateListQuery,
  requestMandate as requestMandateSchema,
  mandateSending,
  revokeMandate as revokeMandateSchema,
  sendMandateRequest as sendMandateRequestSchema,
  updateMandate as updateMandateSchema,
} from '@clientbox/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { expectedVersion } from '../../../kernel/http/if-match.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { createMandate, requestMandate } from './use-cases/create-mandate.ts';
import { getMandate, listMandates } from './use-cases/list-mandates.ts';
import { sendMandateRequest } from './use-cases/send-mandate-request.ts';
import { revokeMandate, updateMandate } from './use-cases/update-mandate.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });

/** A new mandate, recorded or requested: its version as ETag (for If-Match) and its address as Location. */
function answerCreated(reply: FastifyReply, created: Mandate): Mandate {
  reply.header('etag', `"${created.version}"`).header('location', `/api/v1/mandates/${created.id}`);
  return created;
}

/** SEPA direct-debit mandates (§5.2): recorded, requested online, changed, revoked. Needs the Invoices module. */
export function registerMandateRoutes(kernel: Kernel): void {
  const baseUrl = kernel.config.publicBaseUrl;

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Mandates'],
    method: 'GET',
    url: '/api/v1/mandates',
    summary: 'Mandates, newest first, cursor-paged; filters customer_id and status (pending, active, expired, revoked)',
    query: mandateListQuery,
    response: { status: 200, schema: listOf(mandate) },
    handler: ({ ctx, query }) => listMandates(ctx, query, baseUrl),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Mandates'],
    method: 'POST',
    url: '/api/v1/mandates',
    summary: 'Record a mandate the debtor signed (on paper); the mandate id is generated when left out',
    body: createMandateSchema,
    response: { status: 201, schema: mandate },
    errors: [409],
    handler: async ({ ctx, body, reply }) => answerCreated(reply, await createMandate(ctx, body, baseUrl)),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Mandates'],
    method: 'POST',
    url: '/api/v1/mandates/requests',
    summary:
      'Ask a customer to sign a mandate online: a pending mandate with its signing link (public_url); with send_to, the link is e-mailed too',
    body: requestMandateSchema,
    response: { status: 201, schema: mandate },
    errors: [409, 422],
    handler: async ({ ctx, body, reply }) =>
      answerCreated(reply, await requestMandate(ctx, body, baseUrl, kernel.jobs)),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Mandates'],
    method: 'POST',
    url: '/api/v1/mandates/:id/send',
    summary:
      "E-mail a pending request's signing link to `to` or the customer's e-mail address, in the customer's language; sent by a job (GET /api/v1/jobs/{job_id})",
    params: idParams,
    body: sendMandateRequestSchema.default({}),
    response: { status: 202, schema: mandateSending },
    errors: [409, 422],
    handler: async ({ ctx, params, body, reply }) => {
      const sending = await sendMandateRequest(ctx, params.id, body.to, kernel.jobs);
      reply.header('location', `/api/v1/jobs/${sending.job_id}`);
      return sending;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Mandates'],
    method: 'GET',
    url: '/api/v1/mandates/:id',
    summary: 'One mandate with its status, 36-month expiry (expires_on) and whether it can be collected on today',
    params: idParams,
    response: { status: 200, schema: mandate },
    handler: async ({ ctx, params, reply }) => {
      const found = await getMandate(ctx, params.id, baseUrl);
      reply.header('etag', `"${found.version}"`);
      return found;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Mandates'],
    method: 'PATCH',
    url: '/api/v1/mandates/:id',
    summary: 'Change a signed mandate (a new IBAN is reported with the next collection); If-Match with the version',
    params: idParams,
    body: updateMandateSchema,
    response: { status: 200, schema: mandate },
    errors: [409, 412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const version = expectedVersion(request.headers['if-match']) ?? undefined;
      const updated = await updateMandate(ctx, params.id, body, baseUrl, version);
      reply.header('etag', `"${updated.version}"`);
      return updated;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Mandates'],
    method: 'POST',
    url: '/api/v1/mandates/:id/revoke',
    summary: 'Revoke a mandate (or withdraw a pending request); it is kept, and its mandate id is never used again',
    params: idParams,
    body: revokeMandateSchema.default({}),
    response: { status: 200, schema: mandate },
    errors: [409, 412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const version = expectedVersion(request.headers['if-match']) ?? undefined;
      const revoked = await revokeMandate(ctx, params.id, body, baseUrl, version);
      reply.header('etag', `"${revoked.version}"`);
      return revoked;
    },
  });
}
