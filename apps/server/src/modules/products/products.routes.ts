import {
  createProduct as createProductSchema,
  listOf,
  product,
  productCategory,
  productListQuery,
  productQuery,
  updateProduct as updateProductSchema,
} from '@clientbox/contracts';
import { z } from 'zod';
import type { Kernel } from '../../kernel/kernel.ts';
import { expectedVersion } from '../../kernel/http/if-match.ts';
import { setProductArchived } from './use-cases/archive-product.ts';
import { createProduct } from './use-cases/create-product.ts';
import { deleteProduct } from './use-cases/delete-product.ts';
import { getProduct } from './use-cases/get-product.ts';
import { listProductCategories, listProducts } from './use-cases/list-products.ts';
import { updateProduct } from './use-cases/update-product.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });

/** The product catalogue: CRUD, search and archive. Every route needs the Products module. */
export function registerProductRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'products',
    tags: ['Products'],
    method: 'GET',
    url: '/api/v1/products',
    summary:
      'Products, cursor-paged; q searches code and name (typo tolerant); filters active, category, recurring; sort',
    query: productListQuery,
    response: { status: 200, schema: listOf(product) },
    handler: ({ ctx, query }) => listProducts(ctx, query),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'products',
    tags: ['Products'],
    method: 'POST',
    url: '/api/v1/products',
    summary: 'Create a product; the code is unique within the account (409 product_code_taken)',
    body: createProductSchema,
    response: { status: 201, schema: product },
    errors: [409],
    handler: async ({ ctx, body, reply }) => {
      const created = await createProduct(ctx, body);
      reply.header('etag', `"${created.version}"`).header('location', `/api/v1/products/${created.id}`);
      return created;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'products',
    tags: ['Products'],
    method: 'GET',
    url: '/api/v1/products/categories',
    summary: 'The product categories in use, with their number of products',
    response: { status: 200, schema: listOf(productCategory) },
    handler: ({ ctx }) => listProductCategories(ctx),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'products',
    tags: ['Products'],
    method: 'GET',
    url: '/api/v1/products/:id',
    summary: 'One product; ?on=YYYY-MM-DD shows the VAT rate in force on that date of supply',
    params: idParams,
    query: productQuery,
    response: { status: 200, schema: product },
    handler: async ({ ctx, params, query, reply }) => {
      const found = await getProduct(ctx, params.id, query.on);
      reply.header('etag', `"${found.version}"`);
      return found;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'products',
    tags: ['Products'],
    method: 'PATCH',
    url: '/api/v1/products/:id',
    summary: 'Change a product (only the fields sent; null or "" clears). Send If-Match to avoid lost updates.',
    params: idParams,
    body: updateProductSchema,
    response: { status: 200, schema: product },
    errors: [409, 412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const updated = await updateProduct(ctx, params.id, body, expectedVersion(request.headers['if-match']));
      reply.header('etag', `"${updated.version}"`);
      return updated;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'products',
    tags: ['Products'],
    method: 'DELETE',
    url: '/api/v1/products/:id',
    summary: 'Delete a product (documents keep their own copy of a line); archive it to keep it',
    params: idParams,
    response: { status: 204 },
    errors: [412],
    handler: ({ ctx, params, request }) => deleteProduct(ctx, params.id, expectedVersion(request.headers['if-match'])),
  });

  for (const [action, isArchived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    kernel.route({
      access: 'tenant',
      entitlement: 'products',
      tags: ['Products'],
      method: 'POST',
      url: `/api/v1/products/:id/${action}`,
      summary: isArchived
        ? 'Archive a product: still readable, no longer offered for new quotes and invoices'
        : 'Offer an archived product again',
      params: idParams,
      response: { status: 200, schema: product },
      errors: [412],
      handler: async ({ ctx, params, request, reply }) => {
        const changed = await setProductArchived(
          ctx,
          params.id,
          isArchived,
          expectedVersion(request.headers['if-match']),
        );
        reply.header('etag', `"${changed.version}"`);
        return changed;
      },
    });
  }
}
