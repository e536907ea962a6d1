import type { RelationSearchQuery, RelationSearchResult } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { parseSearchQuery } from '../domain/search-text.ts';
import { describeHits, searchRelationRows } from '../search.repository.ts';

export async function searchRelations(
  ctx: TenantContext,
  query: RelationSearchQuery,
): Promise<{ object: 'list'; data: RelationSearchResult[]; has_more: boolean }> {
  const hits = await searchRelationRows(ctx.tx, ctx.tenantId, parseSearchQuery(query.q), {
    limit: query.limit,
    types: query.type ? [query.type] : ['organization', 'person'],
  });
  const descriptions = await describeHits(ctx.tx, ctx.tenantId, hits);
  return {
    object: 'list',
    data: hits.map((hit) => ({
      object: 'relation_search_result',
      type: hit.type,
      id: hit.id,
      name: hit.name,
      description: descriptions.get(hit.id) ?? null,
      match: hit.match,
    })),
    has_more: false,
  };
}
