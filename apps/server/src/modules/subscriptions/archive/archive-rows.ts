/** The subscriptions module's entities in the export archive. */
export const ENTITIES = {
  subscriptions: 'subscriptions.subscriptions',
  lines: 'subscriptions.lines',
  priceChanges: 'subscriptions.price_changes',
  periods: 'subscriptions.periods',
  adjustments: 'subscriptions.adjustments',
  settings: 'subscriptions.settings',
  billingDays: 'subscriptions.billing_days',
} as const;

/** The first id that occurs twice among `rows`, as the row number an uploader can find. */
export function repeatedRow(rows: readonly { id: string }[]): number | null {
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    if (seen.has(row.id)) return index + 1;
    seen.add(row.id);
  }
  return null;
}
