import type {
  CreateProduct,
  CreateVatRate,
  Product,
  ProductImportMapping,
  ProductImportMode,
  ProductImportPreview,
  ProductImportResult,
  ProductSort,
  UpdateProduct,
  VatRate,
} from '@clientbox/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type List } from '../../shared/api/api-client.ts';

/** The list's filters, as they stand in the URL of `/products`. */
export interface ProductFilters {
  q?: string;
  /** Default `active`: what can still be sold. */
  status?: 'active' | 'archived' | 'all';
  category?: string;
  sort?: ProductSort;
}

export const productKeys = {
  all: ['products'] as const,
  lists: () => [...productKeys.all, 'list'] as const,
  list: (filters: ProductFilters) => [...productKeys.lists(), filters] as const,
  picker: (q: string) => [...productKeys.all, 'picker', q] as const,
  detail: (id: string) => [...productKeys.all, 'detail', id] as const,
  categories: () => [...productKeys.all, 'categories'] as const,
  vatRates: ['vat_rates'] as const,
};

/** The query string of the list and the export: the same filters give the same rows. */
export function productQueryString(filters: ProductFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (filters.q) params.set('q', filters.q);
  const status = filters.status ?? 'active';
  if (status !== 'all') params.set('active', status === 'active' ? 'true' : 'false');
  if (filters.category) params.set('category', filters.category);
  if (filters.sort) params.set('sort', filters.sort);
  return params.toString();
}

export function useProductList(filters: ProductFilters) {
  return useInfiniteQuery({
    queryKey: productKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<List<Product>>(
        'GET',
        `/api/v1/products?${productQueryString(filters, { limit: '50', ...(pageParam ? { starting_after: pageParam } : {}) })}`,
      ),
    getNextPageParam: (last) => (last.has_more ? last.data[last.data.length - 1]!.id : null),
    placeholderData: keepPreviousData,
  });
}

export function useProductCategories() {
  return useQuery({
    queryKey: productKeys.categories(),
    queryFn: () => api<List<{ name: string; count: number }>>('GET', '/api/v1/products/categories'),
  });
}

export function useProduct(id: string | undefined) {
  return useQuery({
    queryKey: productKeys.detail(id ?? ''),
    queryFn: () => api<Product>('GET', `/api/v1/products/${id}`),
    enabled: Boolean(id),
  });
}

/** Active products that match a search, for pickers: archived ones are never offered. */
export function usePickerProducts(q: string) {
  return useQuery({
    queryKey: productKeys.picker(q),
    queryFn: () =>
      api<List<Product>>('GET', `/api/v1/products?${productQueryString({ q, status: 'active' }, { limit: '20' })}`),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

function useProductMutation<Variables>(mutationFn: (variables: Variables) => Promise<Product>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (product) => {
      queryClient.setQueryData(productKeys.detail(product.id), product);
      await queryClient.invalidateQueries({ queryKey: productKeys.all, refetchType: 'active' });
    },
  });
}

export function useCreateProduct() {
  return useProductMutation((body: CreateProduct) => api<Product>('POST', '/api/v1/products', { body }));
}

/** Sends only the changed fields, with the version it was read at (a newer one gives 412). */
export function useUpdateProduct() {
  return useProductMutation(({ id, changes, version }: { id: string; changes: UpdateProduct; version: number }) =>
    api<Product>('PATCH', `/api/v1/products/${id}`, { body: changes, headers: { 'if-match': `"${version}"` } }),
  );
}

export function useArchiveProduct() {
  return useProductMutation(({ id, isArchived, version }: { id: string; isArchived: boolean; version: number }) =>
    api<Product>('POST', `/api/v1/products/${id}/${isArchived ? 'archive' : 'unarchive'}`, {
      headers: { 'if-match': `"${version}"` },
    }),
  );
}

export function useDeleteProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>('DELETE', `/api/v1/products/${id}`, { headers: { 'if-match': `"${version}"` } }),
    onSuccess: (_result, { id }) => {
      queryClient.removeQueries({ queryKey: productKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: productKeys.all });
    },
  });
}

export function useVatRates() {
  return useQuery({
    queryKey: productKeys.vatRates,
    queryFn: () => api<List<VatRate>>('GET', '/api/v1/vat_rates'),
    staleTime: 60_000,
  });
}

export function useCreateVatRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVatRate) => api<VatRate>('POST', '/api/v1/vat_rates', { body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: productKeys.vatRates });
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
    },
  });
}

function importForm(file: File, mapping: ProductImportMapping | null): FormData {
  const form = new FormData();
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  form.append('file', file);
  return form;
}

/** Step one of an import: what the file holds and would do, nothing written. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: ProductImportMapping | null }) =>
      api<ProductImportPreview>('POST', '/api/v1/products/import?preview=true', { form: importForm(file, mapping) }),
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping, mode }: { file: File; mapping: ProductImportMapping; mode: ProductImportMode }) =>
      api<ProductImportResult>('POST', `/api/v1/products/import?mode=${mode}`, { form: importForm(file, mapping) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productKeys.all }),
  });
}
