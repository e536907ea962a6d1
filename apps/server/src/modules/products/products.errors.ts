import { AppError } from '../../kernel/errors/app-error.ts';

/** Error codes of the products module and their HTTP status (the code is also the translation key). */
export const PRODUCTS_ERRORS: Record<string, number> = {
  product_not_found: 404,
  product_code_taken: 409,
  vat_rate_exists: 409,
  product_import_failed: 422,
};

export function productNotFound(): AppError {
  return new AppError('product_not_found');
}

/** 409 with the field, so a form shows it next to the code. */
export function productCodeTaken(): AppError {
  return new AppError('product_code_taken', {
    detail: 'Another product already has this code.',
    fields: [{ field: 'code', code: 'product_code_taken', message: 'product_code_taken' }],
  });
}
