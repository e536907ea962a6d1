export * from './identifiers/index.ts';
export * from './common/fields.ts';
export * from './common/problem.ts';
export * from './company/company.schemas.ts';
export * from './accounts/accounts.schemas.ts';
export * from './money/index.ts';
export * from './platform/modules.ts';
export * from './platform/prices.ts';
