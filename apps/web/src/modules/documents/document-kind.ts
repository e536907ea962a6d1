/** Which document an editor part serves: it names the test ids (`quote-line`, `invoice-line`). */
export type DocumentKind = 'invoice' | 'quote';

/** The list page of each kind, where its pages lead back to. */
export const DOCUMENT_LIST_PATH = { quote: '/quotes', invoice: '/invoices' } as const satisfies Record<
  DocumentKind,
  string
>;
