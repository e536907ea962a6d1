/** Kernel tables. Module tables live in their module (`<module>.tables.ts`). */
export * from './tables/auth.tables.ts';
export * from './tables/tenants.tables.ts';
export * from './tables/audit.tables.ts';
export * from './tables/files.tables.ts';
export * from './tables/jobs.tables.ts';
export * from './tables/terms.tables.ts';
export * from './tables/prices.tables.ts';
