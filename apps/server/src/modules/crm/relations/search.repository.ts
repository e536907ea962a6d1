import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import { escapeLike, type SearchQuery } from './domain/search-text.ts';

export type RelationKind = 'organization' | 'person';
export type MatchKind = 'exact' | 'prefix' | 'contains' | 'similar';

export interface SearchHit {
  type: RelationKind;
  id: string;
  name: string;
  match: MatchKind;
  /** Lower is better: tier, then rank within the tier, then the name. */
  order: number;
}

/** Rows the substring tier looks at before ranking: keeps a query for a very common word bounded. */
const TEXT_CANDIDATES = 1000;
/** Names the typo tier scores at most (those sharing the query's first two letters, in name order). */
const SIMILAR_CANDIDATES = 3000;
/** Typo tolerance: the share of the query's trigrams a stretch of the name must have ("jansne" → "jansen" is 0.57). */
const WORD_SIMILARITY_THRESHOLD = 0.5;

const TABLE = { organization: sql.raw('crm_organizations'), person: sql.raw('crm_persons') } as const;
const NAME = {
  organization: sql.raw(`name`),
  person: sql.raw(`btrim(first_name || ' ' || last_name)`),
} as const;
/** The column of the btree name index (tenant_id, name / last_name, …). */
const INDEXED_NAME = { organization: sql.raw('name'), person: sql.raw('last_name') } as const;
const HIGHEST = '\u{10FFFF}';
/** An erased person (GDPR art. 17) is kept for history but never found. */
const FINDABLE = { organization: sql.raw('true'), person: sql.raw('erased_at IS NULL') } as const;

/** How a name may be written: `van den berg` → also `Van den berg`, `Van Den Berg`, `VAN DEN BERG`. */
function caseVariants(text: string): string[] {
  const lower = text.toLowerCase();
  return [
    ...new Set([
      lower,
      lower.charAt(0).toUpperCase() + lower.slice(1),
      lower.replace(/(^|[\s'-])(\p{L})/gu, (_, separator: string, letter: string) => separator + letter.toUpperCase()),
      text.toUpperCase(),
    ]),
  ];
}

/**
 * Names starting with one of `prefixes` (in any of their usual capitalizations), as ranges on
 * the btree name index. Text comparison is leakproof, so PostgreSQL may use the index under
 * row-level security, unlike LIKE and the trigram operators.
 */
export function namePrefixRanges(kind: RelationKind, prefixes: string[]): SQL {
  const column = INDEXED_NAME[kind];
  const ranges = prefixes
    .flatMap(caseVariants)
    .map((variant) => sql`(${column} >= ${variant} AND ${column} < ${variant + HIGHEST})`);
  return sql`(${sql.join(ranges, sql` OR `)})`;
}

/**
 * Every word occurs somewhere in `search_text`, in any order. Words of three letters or more
 * match anywhere; shorter ones at the start of a word (a trigram needs three characters, and
 * `% bv%` still has the word boundary to index). The trigram GIN index answers both.
 */
function wordsMatch(words: string[]): SQL {
  const parts = words.map((word) => {
    const escaped = escapeLike(word);
    return word.length >= 3
      ? sql`search_text LIKE ${`%${escaped}%`}`
      : sql`(search_text LIKE ${`${escaped}%`} OR search_text LIKE ${`% ${escaped}%`})`;
  });
  return sql.join(parts, sql` AND `);
}

/** Ids whose e-mail, phone or identifier is exactly the query (btree indexes). */
function exactIds(kind: RelationKind, query: SearchQuery, tenantId: string): SQL | null {
  const parts: SQL[] = [];
  const ownerColumn = sql.raw(kind === 'organization' ? 'organization_id' : 'person_id');
  if (query.e164) {
    parts.push(
      sql`SELECT ${ownerColumn} AS id FROM crm_phones WHERE tenant_id = ${tenantId} AND e164 = ${query.e164} AND ${ownerColumn} IS NOT NULL`,
    );
    if (kind === 'person')
      parts.push(
        sql`SELECT person_id AS id FROM crm_person_organization_links WHERE tenant_id = ${tenantId} AND phone_e164 = ${query.e164}`,
      );
  }
  if (query.text.includes('@')) {
    // A link's e-mail is in the person's search text; only the indexed addresses are looked up here.
    parts.push(
      sql`SELECT ${ownerColumn} AS id FROM crm_emails WHERE tenant_id = ${tenantId} AND address = ${query.text} AND ${ownerColumn} IS NOT NULL`,
    );
  }
  if (query.identifier && kind === 'organization')
    parts.push(
      sql`SELECT id FROM crm_organizations WHERE tenant_id = ${tenantId} AND (kvk_number = ${query.identifier} OR vat_number = ${query.identifier} OR debtor_number = ${query.identifier} OR creditor_number = ${query.identifier})`,
    );
  return parts.length ? sql.join(parts, sql` UNION `) : null;
}

/** The `q` filter of the lists: every word occurs, or the query is exactly a phone, e-mail or identifier. */
export function textMatch(kind: RelationKind, query: SearchQuery, tenantId: string): SQL {
  const conditions: SQL[] = [];
  if (query.words.length) conditions.push(sql`(${wordsMatch(query.words)})`);
  const exact = exactIds(kind, query, tenantId);
  if (exact) conditions.push(sql`id IN (${exact})`);
  if (conditions.length === 0) return sql`false`;
  return sql`(${sql.join(conditions, sql` OR `)})`;
}

type Row = { id: string; name: string; rank: number };

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * The search box over organizations and persons, best first: exact identifiers (phone, e-mail,
 * KvK, VAT, debtor or creditor number), then names that are or start with the query, then
 * relations containing every word, and when those are too few, names within a typo's distance.
 * The exact and prefix tiers run on btree indexes; the later tiers only run when needed and
 * look at a bounded number of rows.
 */
export async function searchRelationRows(
  tx: Tx,
  tenantId: string,
  query: SearchQuery,
  options: { limit: number; types: RelationKind[] },
): Promise<SearchHit[]> {
  const hits = new Map<string, SearchHit>();
  const add = (type: RelationKind, rows: Row[], match: (row: Row) => MatchKind, tier: number) => {
    for (const row of rows) {
      const key = `${type}:${row.id}`;
      const order = tier * 10 + row.rank;
      const existing = hits.get(key);
      if (!existing || existing.order > order)
        hits.set(key, { type, id: row.id, name: row.name, match: match(row), order });
    }
  };
  const isEnough = () => hits.size >= options.limit;
  const phrase = escapeLike(query.text);

  for (const type of options.types) {
    const exact = exactIds(type, query, tenantId);
    if (!exact) continue;
    const rows = rowsOf<Row>(
      await tx.execute(
        sql`SELECT id, ${NAME[type]} AS name, 0 AS rank FROM ${TABLE[type]} WHERE tenant_id = ${tenantId} AND ${FINDABLE[type]} AND id IN (${exact}) ORDER BY 2, 1 LIMIT ${options.limit}`,
      ),
    );
    add(type, rows, () => 'exact', 0);
  }

  // A phone number, e-mail address or identifier that matched exactly is what was looked for.
  if (hits.size > 0) return sortHits(hits, options.limit);

  if (!query.isNumeric)
    for (const type of options.types) {
      // Persons are indexed by last name: any word of the query may be it ("karin jansen").
      const prefixes =
        type === 'organization' ? [query.text] : [query.text, ...query.words.filter((w) => w.length > 1)];
      const tradingName = type === 'organization' ? sql`OR lower(trading_name) = ${query.text}` : sql``;
      const rows = rowsOf<Row>(
        await tx.execute(sql`
          SELECT id, name, CASE WHEN lower(name) = ${query.text} ${tradingName} THEN 0 ELSE 1 END AS rank
          FROM (
            SELECT id, ${NAME[type]} AS name, ${type === 'organization' ? sql.raw('trading_name') : sql.raw('NULL::text')} AS trading_name, search_text
            FROM ${TABLE[type]}
            WHERE tenant_id = ${tenantId} AND ${FINDABLE[type]} AND ${namePrefixRanges(type, prefixes)}
          ) prefixed
          WHERE ${query.words.map((word) => sql`search_text LIKE ${`%${escapeLike(word)}%`}`).reduce((a, b) => sql`${a} AND ${b}`)}
          ORDER BY rank, length(name), name, id
          LIMIT ${options.limit}`),
      );
      add(type, rows, (row) => (row.rank === 0 ? 'exact' : 'prefix'), 1);
    }

  if (!isEnough() && query.words.length)
    for (const type of options.types) {
      const rows = rowsOf<Row>(
        await tx.execute(sql`
          WITH matches AS MATERIALIZED (
            SELECT id, ${NAME[type]} AS name, search_text FROM ${TABLE[type]}
            WHERE tenant_id = ${tenantId} AND ${FINDABLE[type]} AND ${wordsMatch(query.words)}
          )
          SELECT id, name,
            CASE WHEN search_text LIKE ${`${phrase}%`} THEN 1
                 WHEN ' ' || search_text LIKE ${`% ${phrase}%`} THEN 2
                 WHEN search_text LIKE ${`%${phrase}%`} THEN 3
                 ELSE 4 END AS rank
          FROM (SELECT * FROM matches LIMIT ${TEXT_CANDIDATES}) candidates
          ORDER BY rank, length(name), name, id
          LIMIT ${options.limit}`),
      );
      add(type, rows, (row) => (row.rank <= 2 ? 'prefix' : 'contains'), 2);
    }

  const firstWord = query.words[0] ?? '';
  if (!isEnough() && !query.isNumeric && query.text.length >= 4 && firstWord.length >= 2)
    for (const type of options.types) {
      // A typo after the first two letters: those letters pick the candidates from the name index.
      const starts =
        type === 'organization'
          ? [firstWord.slice(0, 2)]
          : query.words.filter((word) => word.length >= 2).map((word) => word.slice(0, 2));
      const rows = rowsOf<Row & { score: number }>(
        await tx.execute(sql`
          SELECT id, name, 0 AS rank, score FROM (
            SELECT id, ${NAME[type]} AS name, word_similarity(${query.text}, lower(${NAME[type]})) AS score
            FROM (
              SELECT * FROM ${TABLE[type]}
              WHERE tenant_id = ${tenantId} AND ${FINDABLE[type]} AND ${namePrefixRanges(type, starts)}
              LIMIT ${SIMILAR_CANDIDATES}
            ) candidates
          ) scored
          WHERE score >= ${WORD_SIMILARITY_THRESHOLD}
          ORDER BY score DESC, length(name), name, id
          LIMIT ${options.limit}`),
      );
      // Keeps the similarity order across both types: better score, lower order.
      add(
        type,
        rows.map((row) => ({ ...row, rank: Math.round((1 - Number(row.score)) * 9) })),
        () => 'similar',
        3,
      );
    }

  return sortHits(hits, options.limit);
}

function sortHits(hits: Map<string, SearchHit>, limit: number): SearchHit[] {
  return [...hits.values()]
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** A second line per hit: numbers and city of an organization, the organizations of a person. */
export async function describeHits(tx: Tx, tenantId: string, hits: SearchHit[]): Promise<Map<string, string | null>> {
  const descriptions = new Map<string, string | null>();
  const organizationIds = hits.filter((hit) => hit.type === 'organization').map((hit) => hit.id);
  const personIds = hits.filter((hit) => hit.type === 'person').map((hit) => hit.id);
  if (organizationIds.length) {
    const rows = rowsOf<{ id: string; description: string | null }>(
      await tx.execute(sql`
        SELECT o.id, NULLIF(concat_ws(' · ', o.debtor_number, o.creditor_number,
          (SELECT a.city FROM crm_addresses a WHERE a.tenant_id = o.tenant_id AND a.organization_id = o.id AND a.city IS NOT NULL ORDER BY a.position LIMIT 1)), '') AS description
        FROM crm_organizations o
        WHERE o.tenant_id = ${tenantId} AND o.id IN (${sql.join(
          organizationIds.map((id) => sql`${id}`),
          sql`, `,
        )})`),
    );
    for (const row of rows) descriptions.set(row.id, row.description);
  }
  if (personIds.length) {
    const rows = rowsOf<{ id: string; description: string | null }>(
      await tx.execute(sql`
        SELECT l.person_id AS id, string_agg(o.name, ', ' ORDER BY o.name) AS description
        FROM crm_person_organization_links l
        JOIN crm_organizations o ON o.tenant_id = l.tenant_id AND o.id = l.organization_id
        WHERE l.tenant_id = ${tenantId} AND l.person_id IN (${sql.join(
          personIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        GROUP BY l.person_id`),
    );
    for (const row of rows) descriptions.set(row.id, row.description);
  }
  return descriptions;
}

/** Organizations and persons with this E.164 number: their own phones and the phones of links. */
export async function idsWithPhone(tx: Tx, tenantId: string, e164: string) {
  const rows = rowsOf<{ kind: RelationKind; id: string }>(
    await tx.execute(sql`
      SELECT 'organization' AS kind, organization_id AS id FROM crm_phones
        WHERE tenant_id = ${tenantId} AND e164 = ${e164} AND organization_id IS NOT NULL
      UNION
      SELECT 'person', person_id FROM crm_phones
        WHERE tenant_id = ${tenantId} AND e164 = ${e164} AND person_id IS NOT NULL
      UNION
      SELECT 'person', person_id FROM crm_person_organization_links
        WHERE tenant_id = ${tenantId} AND phone_e164 = ${e164}`),
  );
  return {
    organizationIds: rows.filter((row) => row.kind === 'organization').map((row) => row.id),
    personIds: rows.filter((row) => row.kind === 'person').map((row) => row.id),
  };
}
