/** Kernel tables. Module tables live in their module (`<module>.tables.ts`). */
export * from './tables/auth.tables.ts';
export * from './tables/tenants.tables.ts';
export * from './tables/audit.tables.ts';
export * from './tables/files.tables.ts';
export * from './tables/jobs.tables.ts';
export * from './tables/terms.tables.ts';
export * from './tables/prices.tables.ts';
export * from './tables/operator.tables.ts';
export * from './tables/orders.tables.ts';
export * from './tables/support.tables.ts';
export * from './tables/idempotency.tables.ts';
