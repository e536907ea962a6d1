import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { quoteNotFound, quoteNotSent } from '../quotes.errors.ts';
import { findQuote, findQuotePdf, type QuoteRow } from '../quotes.repository.ts';

export interface StoredQuotePdf {
  content: Uint8Array;
  sha256: string;
  fileName: string;
}

/** `offerte-O2026-00001.pdf`, `offerte-O2026-00001-v2.pdf` (`quote-…` in English). */
export function quotePdfFileName(quote: Pick<QuoteRow, 'number' | 'revision' | 'snapshot'>): string {
  const word = quote.snapshot?.language === 'en' ? 'quote' : 'offerte';
  return `${word}-${quote.number}${quote.revision > 1 ? `-v${quote.revision}` : ''}.pdf`;
}

/** The stored bytes of a sent quote's PDF, exactly as sent with this version. */
export async function storedPdfOf(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  quote: QuoteRow,
): Promise<StoredQuotePdf> {
  if (quote.status === 'draft') throw quoteNotSent();
  const file = await findQuotePdf(ctx.tx, ctx.tenantId, quote.id);
  if (!file) throw quoteNotSent();
  return { content: file.content, sha256: file.sha256, fileName: quotePdfFileName(quote) };
}

export async function getQuotePdf(ctx: TenantContext, id: string): Promise<StoredQuotePdf> {
  const quote = await findQuote(ctx.tx, ctx.tenantId, id);
  if (!quote) throw quoteNotFound();
  return storedPdfOf(ctx, quote);
}
