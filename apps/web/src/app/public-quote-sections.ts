import { QuoteMandateOffer } from '../modules/receivables/public/quote-mandate-offer.tsx';
import type { PublicQuoteSection } from '../shared/ui/public-quote-sections.ts';

/** Below the quote on the customer's page, in this order (the server decides what each offers). */
export const PUBLIC_QUOTE_SECTIONS: readonly PublicQuoteSection[] = [QuoteMandateOffer];
