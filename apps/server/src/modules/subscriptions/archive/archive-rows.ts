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
