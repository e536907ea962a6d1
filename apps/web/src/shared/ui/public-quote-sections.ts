import type { PublicQuote } from '@clientbox/contracts';
import type { ComponentType } from 'react';

/**
 * Something another module adds to the customer's quote page (`/q/{token}`, no login), below the
 * quote: receivables offers signing a direct-debit mandate once the quote is accepted. The quotes
 * module renders the slot and knows none of them; the app lists them (`app/public-quote-sections.ts`).
 */
export type PublicQuoteSection = ComponentType<{ token: string; quote: PublicQuote }>;
