import { parseQuantity } from '@clientbox/contracts';
import { z } from 'zod';
import {
  decimalText,
  invalidArchive,
  isoDate,
  memberEmails,
  membersByEmail,
  nullableText,
  parseArchiveRows,
  timestamp,
} from '../../../kernel/export/archive-rows.ts';
import { rejectMissingReferences } from '../../../kernel/export/archive-tables.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { archivedDocumentSnapshot, continueNumberSeriesAfter } from '../../invoices/index.ts';
import { newPublicToken } from '../domain/public-token.ts';
import { sentStatusOf } from '../domain/quote-status.ts';
import { ENTITIES } from './archive-rows.ts';
import {
  allQuoteRows,
  hasArchiveRows,
  insertQuoteRows,
  sentDrafts,
  sentNumbers,
  sentWithoutPdf,
  setStatus,
} from './quote-archive.repository.ts';

/**
 * A quote version as the archive holds it. Not in it: the customer's link (`public_token`), see
 * `quotesExporter`.
 */
const quoteRow = z.strictObject({
  id: z.uuid(),
  number: z.string().min(1).max(100).nullable(),
  revision: z.number().int().min(1).max(10_000),
  previous_revision_id: z.uuid().nullable(),
  status: z.enum(['draft', 'sent', 'viewed', 'accepted', 'declined']),
  superseded_at: timestamp.nullable(),
  organization_id: z.uuid().nullable(),
  person_id: z.uuid().nullable(),
  issue_date: isoDate.nullable(),
  valid_until: isoDate.nullable(),
  language: z.enum(['nl', 'en']).nullable(),
  discount_percent: decimalText(parseQuantity).nullable(),
  buyer_reference: nullableText,
  note: nullableText,
  sent_at: timestamp.nullable(),
  sent_by_email: nullableText,
  sent_to: nullableText,
  emailed_at: timestamp.nullable(),
  viewed_at: timestamp.nullable(),
  accepted_name: nullableText,
  accepted_at: timestamp.nullable(),
  accepted_ip: nullableText,
  accepted_user_agent: nullableText,
  selected_optional_lines: z.array(z.number().int().min(0)).nullable(),
  declined_reason: nullableText,
  declined_at: timestamp.nullable(),
  invoice_id: z.uuid().nullable(),
  created_by_email: nullableText,
  version: z.number().int().min(1),
  created_at: timestamp,
  updated_at: timestamp,
  /** What was sent, frozen (null for a draft); only in the JSON copy, it does not fit a spreadsheet cell. */
  snapshot: archivedDocumentSnapshot.nullable(),
});
type QuoteArchiveRow = z.output<typeof quoteRow>;

/** What a row must agree on: a draft carries nothing of a send; a sent version its snapshot and the status its facts give. */
function inconsistency(row: QuoteArchiveRow): string | null {
  if (row.organization_id && row.person_id) return 'two customers';
  if (row.status === 'draft') {
    const sentFacts = [row.snapshot, row.sent_at, row.viewed_at, row.accepted_at, row.declined_at, row.superseded_at];
    return sentFacts.some((fact) => fact !== null) || row.invoice_id
      ? 'a draft has no snapshot, send, answer or invoice'
      : null;
  }
  const snapshot = row.snapshot;
  if (!row.number || !snapshot || !row.issue_date || !row.valid_until || !row.sent_at)
    return 'a sent quote needs number, snapshot, issue date, valid until and sent_at';
  if (snapshot.type !== 'quote' || snapshot.number !== row.number || snapshot.issue_date !== row.issue_date)
    return 'the snapshot names another document';
  if (
    row.status !== sentStatusOf({ acceptedAt: row.accepted_at, declinedAt: row.declined_at, viewedAt: row.viewed_at })
  )
    return `the status ${row.status} does not fit its viewed, accepted and declined moments`;
  if (row.accepted_at && (!row.accepted_name || row.declined_at)) return 'an acceptance needs a name and no decline';
  if (row.declined_at && row.declined_reason === null) return 'a decline needs its reason';
  if ((row.invoice_id || row.selected_optional_lines) && row.status !== 'accepted')
    return 'only an accepted quote has chosen options or an invoice';
  return null;
}

/** Each version follows the one it revises: same number, the next revision, which is superseded. */
function revisionProblem(row: QuoteArchiveRow, byId: Map<string, QuoteArchiveRow>): string | null {
  if (!row.previous_revision_id) return row.revision === 1 ? null : 'a later version names no previous one';
  const previous = byId.get(row.previous_revision_id);
  if (!previous) return 'revises a quote the archive does not hold';
  if (previous.number !== row.number || previous.revision !== row.revision - 1)
    return 'does not continue the number and revision it revises';
  return previous.status !== 'draft' && previous.superseded_at ? null : 'revises a version that is not superseded';
}

/**
 * Every version of every quote, with its snapshot and the facts that followed (sent, e-mailed,
 * viewed, the acceptance with name, time, IP and browser as evidence, the decline, the invoice).
 *
 * **The customer's link is not in the archive.** `public_token` is a credential: whoever holds it
 * can accept or decline in the customer's name, so it does not go into a file that is downloaded
 * and kept elsewhere (no more than API keys or logins do). Nor could an import take an uploaded
 * token over safely: tokens are unique in the whole installation and
 * `quote_tenant_by_public_token` sends a link to whichever tenant holds it, so restoring tokens
 * would let whoever imports an archive first answer (or fail on) links that belong to another
 * account, and an uploaded token is only as random as its uploader made it. An import gives every
 * version a new link (its `public_url`); the old link keeps leading to the old account while that
 * exists.
 *
 * An import writes every version as a draft (lines can only go into a draft: the trigger of
 * migration 0015 refuses lines of a sent quote); `completeImport` then gives the sent versions
 * their status, once their lines and PDF are in.
 */
export const quotesExporter: ImportableExporter<QuoteArchiveRow> = {
  entity: ENTITIES.quotes,
  csv: true,
  // The customer (CRM) and the invoice made from an accepted quote exist before a quote points at them.
  importAfter: ['crm.organizations', 'crm.persons', 'invoices.invoices'],
  columns: (Object.keys(quoteRow.shape) as (keyof QuoteArchiveRow)[]).filter((column) => column !== 'snapshot'),

  async export(ctx) {
    const emailOf = await memberEmails(ctx);
    return (await allQuoteRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      number: row.number,
      revision: row.revision,
      previous_revision_id: row.previousRevisionId,
      status: row.status,
      superseded_at: row.supersededAt?.toISOString() ?? null,
      organization_id: row.organizationId,
      person_id: row.personId,
      issue_date: row.issueDate,
      valid_until: row.validUntil,
      language: row.language,
      discount_percent: row.discountPercent,
      buyer_reference: row.buyerReference,
      note: row.note,
      sent_at: row.sentAt?.toISOString() ?? null,
      sent_by_email: emailOf(row.sentBy),
      sent_to: row.sentTo,
      emailed_at: row.emailedAt?.toISOString() ?? null,
      viewed_at: row.viewedAt?.toISOString() ?? null,
      accepted_name: row.acceptedName,
      accepted_at: row.acceptedAt?.toISOString() ?? null,
      accepted_ip: row.acceptedIp,
      accepted_user_agent: row.acceptedUserAgent,
      selected_optional_lines: row.selectedOptionalLines,
      declined_reason: row.declinedReason,
      declined_at: row.declinedAt?.toISOString() ?? null,
      invoice_id: row.invoiceId,
      created_by_email: emailOf(row.createdBy),
      version: row.version,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
      snapshot: row.snapshot,
    }));
  },

  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'quotes'),

  async import(ctx, rows) {
    const entity = ENTITIES.quotes;
    const parsed = parseArchiveRows(entity, quoteRow, rows);
    const byId = new Map(parsed.map((row) => [row.id, row]));
    if (byId.size !== parsed.length) throw invalidArchive(entity, 'an id occurs twice');
    const versions = new Set<string>();
    const revised = new Set<string>();
    for (const [index, row] of parsed.entries()) {
      const problem = inconsistency(row) ?? revisionProblem(row, byId);
      if (problem) throw invalidArchive(entity, `row ${index + 1}: ${problem}`);
      if (row.number && versions.has(`${row.number}|${row.revision}`))
        throw invalidArchive(entity, `row ${index + 1}: ${row.number} version ${row.revision} occurs twice`);
      if (row.number) versions.add(`${row.number}|${row.revision}`);
      if (row.previous_revision_id && revised.has(row.previous_revision_id))
        throw invalidArchive(entity, `row ${index + 1}: a version is revised twice`);
      if (row.previous_revision_id) revised.add(row.previous_revision_id);
    }
    const memberOf = await membersByEmail(ctx);
    // Older versions first (a version points at the one it revises); every row goes in as a draft (see above).
    const ordered = [...parsed].sort((a, b) => a.revision - b.revision);
    await rejectMissingReferences(entity, 'refers to a customer or an invoice the archive does not hold', () =>
      insertQuoteRows(
        ctx.tx,
        ordered.map((row) => ({
          tenantId: ctx.tenantId,
          id: row.id,
          number: row.number,
          revision: row.revision,
          previousRevisionId: row.previous_revision_id,
          status: 'draft' as const,
          supersededAt: row.superseded_at ? new Date(row.superseded_at) : null,
          organizationId: row.organization_id,
          personId: row.person_id,
          issueDate: row.issue_date,
          validUntil: row.valid_until,
          language: row.language,
          discountPercent: row.discount_percent,
          buyerReference: row.buyer_reference,
          note: row.note,
          publicToken: newPublicToken(),
          snapshot: row.snapshot,
          sentAt: row.sent_at ? new Date(row.sent_at) : null,
          sentBy: memberOf(row.sent_by_email),
          sentTo: row.sent_to,
          emailedAt: row.emailed_at ? new Date(row.emailed_at) : null,
          viewedAt: row.viewed_at ? new Date(row.viewed_at) : null,
          acceptedName: row.accepted_name,
          acceptedAt: row.accepted_at ? new Date(row.accepted_at) : null,
          acceptedIp: row.accepted_ip,
          acceptedUserAgent: row.accepted_user_agent,
          selectedOptionalLines: row.selected_optional_lines,
          declinedReason: row.declined_reason,
          declinedAt: row.declined_at ? new Date(row.declined_at) : null,
          invoiceId: row.invoice_id,
          createdBy: memberOf(row.created_by_email),
          version: row.version,
          createdAt: new Date(row.created_at),
          updatedAt: new Date(row.updated_at),
        })),
      ),
    );
  },

  /**
   * Gives the sent versions written above their status (status only), now that their lines and
   * PDF are in; refuses a sent version without its PDF; and continues the quote series after the
   * highest number restored, whatever the archived counter says.
   */
  async completeImport(ctx) {
    const byStatus = Map.groupBy(await sentDrafts(ctx.tx, ctx.tenantId), (row) => sentStatusOf(row));
    for (const [status, drafts] of byStatus)
      await setStatus(
        ctx.tx,
        ctx.tenantId,
        drafts.map((row) => row.id),
        status,
      );
    const withoutPdf = await sentWithoutPdf(ctx.tx, ctx.tenantId);
    if (withoutPdf.length)
      throw invalidArchive(ENTITIES.files, `the stored PDF of ${withoutPdf.slice(0, 3).join(', ')} is missing`);
    await continueNumberSeriesAfter(ctx, 'quote', await sentNumbers(ctx.tx, ctx.tenantId));
  },
};
