/** Which document an editor part serves: it names the test ids (`quote-line`, `invoice-line`). */
export type DocumentKind = 'invoice' | 'quote';
