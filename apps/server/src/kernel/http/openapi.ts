import { problem } from '@clientbox/contracts';
import { z } from 'zod';
import type { RouteSpec } from './route-spec.ts';

const COMMON_ERRORS: Record<number, string> = {
  400: 'Invalid input (validation_failed lists the fields)',
  401: 'Not logged in, or an invalid API key',
  403: 'Not allowed for this role, or the module is not enabled',
  404: "Not found (also for another tenant's id)",
  429: 'Too many requests',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

/** OpenAPI 3.1, generated from the same zod schemas that validate the requests. */
export function buildOpenApiDocument(routes: RouteSpec<any, any, any>[], info: { baseUrl: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [location, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        parameters.push({
          name,
          in: location,
          required: location === 'path' || (json.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    const isIdempotent = route.access === 'tenant' && route.method === 'POST' && !route.rawBody;
    if (isIdempotent)
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Send the same key again (within 24 hours) to get the first answer instead of doing the work twice; the answer carries Idempotent-Replayed: true. The same key with another request is 409 idempotency_key_reused.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      });
    const responses: Record<string, unknown> = {
      [route.response.status]: route.response.schema
        ? {
            description: 'Success',
            content: {
              [route.response.contentType ?? 'application/json']: {
                schema: jsonSchema(route.response.schema, 'output'),
              },
            },
          }
        : {
            description: route.response.contentType ? 'Success' : 'No content',
            ...(route.response.contentType ? { content: { [route.response.contentType]: {} } } : {}),
          },
    };
    if (route.response.alsoStatus !== undefined)
      responses[route.response.alsoStatus] = {
        ...(responses[route.response.status] as object),
        description: 'Accepted',
      };
    const errorStatuses = new Set<number>([
      400,
      ...(route.access === 'public' ? [] : [401, 403]),
      ...(route.params ? [404] : []),
      ...(isIdempotent ? [409] : []),
      ...(route.errors ?? []),
    ]);
    for (const status of errorStatuses) {
      responses[status] = {
        description: COMMON_ERRORS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: route.tags,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      ...(route.rawBody
        ? {
            requestBody: {
              required: true,
              description: route.rawBody.description,
              content: { [route.rawBody.contentType]: {} },
            },
          }
        : {}),
      ...(route.access === 'public' ? { security: [] } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Clientbox API',
      version: info.version,
      description: 'Amounts are decimal strings in euros; errors are application/problem+json.',
    },
    servers: [{ url: info.baseUrl }],
    security: [{ apiKey: [] }, { session: [] }],
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key of the tenant: Authorization: Bearer cbx_…',
        },
        session: { type: 'apiKey', in: 'cookie', name: 'clientbox.session_token' },
      },
      schemas: { Problem: jsonSchema(problem, 'output') },
    },
    paths,
  };
}
