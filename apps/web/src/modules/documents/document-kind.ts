/** Which document an editor part serves: it names the test ids (`quote-line`, `invoice-line`). */
export type DocumentKind = 'invoice' | 'quote';

/**
 * Whose lines the line editor and the lines table show: a document, or a subscription (whose
 * lines repeat on its invoices). It names only their test ids (`subscription-line`).
 */
export type LinesKind = DocumentKind | 'subscription';

/** The list page of each kind, where its pages lead back to. */
export const DOCUMENT_LIST_PATH = { quote: '/quotes', invoice: '/invoices' } as const satisfies Record<
  DocumentKind,
  string
>;
