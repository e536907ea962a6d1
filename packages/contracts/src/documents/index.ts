export * from './document-totals.ts';
export * from './vat-legal-texts.ts';
export * from './document-line.schemas.ts';
