import type { Role } from '@clientbox/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { LockedAccess } from '../entitlements/access-rules.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { Principal } from './principal.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A route as data: its zod schemas validate the request and generate the OpenAPI document.
 * `access` decides what the handler gets: nothing (public), a logged-in principal (user),
 * or a TenantContext inside the tenant transaction (tenant).
 */
interface BaseSpec<Params, Query, Body> {
  method: HttpMethod;
  url: string;
  summary: string;
  tags: string[];
  params?: z.ZodType<Params>;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  /**
   * Status and schema of the success response (204 has no schema). `alsoStatus`: a second
   * success status the handler may choose with `reply.code()` (202 when it started work instead
   * of answering at once), documented with the same schema.
   */
  response: { status: number; alsoStatus?: number; schema?: z.ZodType; contentType?: string };
  /** Extra error statuses to document besides the common ones. */
  errors?: number[];
  /** Multipart and other non-JSON bodies are parsed by the handler itself. */
  rawBody?: { contentType: string; description: string };
  bodyLimit?: number;
  hidden?: boolean;
}

export interface HandlerInput<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface PublicRouteSpec<Params, Query, Body> extends BaseSpec<Params, Query, Body> {
  access: 'public';
  handler(input: HandlerInput<Params, Query, Body>): Promise<unknown>;
}

export interface UserRouteSpec<Params, Query, Body> extends BaseSpec<Params, Query, Body> {
  access: 'user';
  handler(input: HandlerInput<Params, Query, Body> & { principal: Principal }): Promise<unknown>;
}

export interface TenantRouteSpec<Params, Query, Body> extends BaseSpec<Params, Query, Body> {
  access: 'tenant';
  /** Lowest role allowed; members by default. */
  minimumRole?: Role;
  /** Module entitlement this route needs; the kernel's own routes need none. */
  entitlement?: string;
  /** Still available to an expired, suspended or deactivated tenant (ordering, export). */
  availableWhenLocked?: LockedAccess;
  handler(input: HandlerInput<Params, Query, Body> & { ctx: TenantContext; principal: Principal }): Promise<unknown>;
}

export type RouteSpec<Params = unknown, Query = unknown, Body = unknown> =
  PublicRouteSpec<Params, Query, Body> | UserRouteSpec<Params, Query, Body> | TenantRouteSpec<Params, Query, Body>;
