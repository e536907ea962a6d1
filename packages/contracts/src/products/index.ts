export * from './units.ts';
export * from './vat-rates.ts';
export * from './margin.ts';
export * from './products.schemas.ts';
export * from './product-import.schemas.ts';
