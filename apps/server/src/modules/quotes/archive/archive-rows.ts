/** The quotes module's entities in the export archive, in import order. */
export const ENTITIES = {
  quotes: 'quotes.quotes',
  lines: 'quotes.lines',
  files: 'quotes.files',
} as const;
