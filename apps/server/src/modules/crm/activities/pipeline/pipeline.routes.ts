import {
  activityIdParams,
  createDeal as createDealSchema,
  createDealStage as createDealStageSchema,
  deal,
  dealQuery,
  dealStage,
  dealSummary,
  dealSummaryQuery,
  listOf,
  moveDeal as moveDealSchema,
  updateDeal as updateDealSchema,
  updateDealStage as updateDealStageSchema,
} from '@clientbox/contracts';
import type { Kernel } from '../../../../kernel/kernel.ts';
import { versionFromIfMatch } from '../shared/if-match.ts';
import { deleteDeal, moveDeal, updateDeal } from './change-deal.ts';
import { createDeal } from './create-deal.ts';
import { createDealStage, deleteDealStage, listDealStages, updateDealStage } from './deal-stages.ts';
import { getDeal, listDeals, summarizeDeals } from './list-deals.ts';

const TAGS = ['Deals'];

export function registerPipelineRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'GET',
    url: '/api/v1/deal_stages',
    tags: TAGS,
    summary: 'The pipeline stages in order, with their deal counts (a new account starts with default stages)',
    response: { status: 200, schema: listOf(dealStage) },
    handler: async ({ ctx }) => ({ object: 'list' as const, data: await listDealStages(ctx), has_more: false }),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    minimumRole: 'admin',
    method: 'POST',
    url: '/api/v1/deal_stages',
    tags: TAGS,
    summary: 'Add a pipeline stage (open, won or lost)',
    body: createDealStageSchema,
    response: { status: 201, schema: dealStage },
    handler: ({ ctx, body }) => createDealStage(ctx, body),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    minimumRole: 'admin',
    method: 'PATCH',
    url: '/api/v1/deal_stages/:id',
    tags: TAGS,
    summary: 'Rename, reorder or change a stage (its outcome only while it holds no deals)',
    params: activityIdParams,
    body: updateDealStageSchema,
    response: { status: 200, schema: dealStage },
    errors: [409],
    handler: ({ ctx, params, body }) => updateDealStage(ctx, params.id, body),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    minimumRole: 'admin',
    method: 'DELETE',
    url: '/api/v1/deal_stages/:id',
    tags: TAGS,
    summary: 'Delete a stage without deals (409 deal_stage_has_deals otherwise)',
    params: activityIdParams,
    response: { status: 204 },
    errors: [409],
    handler: async ({ ctx, params }) => {
      await deleteDealStage(ctx, params.id);
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'POST',
    url: '/api/v1/deals',
    tags: TAGS,
    summary: 'Create a deal (value in euros as a decimal string; lost_reason required in a lost stage)',
    body: createDealSchema,
    response: { status: 201, schema: deal },
    handler: async ({ ctx, body, reply }) => {
      const created = await createDeal(ctx, body);
      reply.header('etag', `"${created.version}"`);
      return created;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'GET',
    url: '/api/v1/deals',
    tags: TAGS,
    summary: 'Deals in board order (stage by stage, top to bottom); filter by stage, relation, status, closed_since',
    query: dealQuery,
    response: { status: 200, schema: listOf(deal) },
    handler: async ({ ctx, query }) => {
      const page = await listDeals(ctx, query);
      return { object: 'list' as const, data: page.data, has_more: page.hasMore };
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'GET',
    url: '/api/v1/deals/summary',
    tags: TAGS,
    summary: 'Won and lost totals per calendar month (Europe/Amsterdam), oldest first',
    query: dealSummaryQuery,
    response: { status: 200, schema: dealSummary },
    handler: ({ ctx, query }) => summarizeDeals(ctx, query.months),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'GET',
    url: '/api/v1/deals/:id',
    tags: TAGS,
    summary: 'One deal',
    params: activityIdParams,
    response: { status: 200, schema: deal },
    handler: async ({ ctx, params, reply }) => {
      const found = await getDeal(ctx, params.id);
      reply.header('etag', `"${found.version}"`);
      return found;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'PATCH',
    url: '/api/v1/deals/:id',
    tags: TAGS,
    summary: 'Change a deal (a new stage_id puts it last in that column). Send If-Match to avoid lost updates.',
    params: activityIdParams,
    body: updateDealSchema,
    response: { status: 200, schema: deal },
    errors: [412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const updated = await updateDeal(ctx, params.id, body, versionFromIfMatch(request.headers['if-match']));
      reply.header('etag', `"${updated.version}"`);
      return updated;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'POST',
    url: '/api/v1/deals/:id/move',
    tags: TAGS,
    summary:
      'Move a deal on the board: into a stage at a position (0 is the top); won/lost stages set closed_at, others clear it',
    params: activityIdParams,
    body: moveDealSchema,
    response: { status: 200, schema: deal },
    errors: [412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const moved = await moveDeal(ctx, params.id, body, versionFromIfMatch(request.headers['if-match']));
      reply.header('etag', `"${moved.version}"`);
      return moved;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'DELETE',
    url: '/api/v1/deals/:id',
    tags: TAGS,
    summary: 'Delete a deal (its owner or an admin)',
    params: activityIdParams,
    response: { status: 204 },
    errors: [412],
    handler: async ({ ctx, params, request }) => {
      await deleteDeal(ctx, params.id, versionFromIfMatch(request.headers['if-match']));
    },
  });
}
