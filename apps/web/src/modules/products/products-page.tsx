import { PRODUCT_SORTS, type ProductSort, unitLabel } from '@clientbox/contracts';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Input,
  Loader,
  Menu,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { LineCalculator } from './line-calculator.tsx';
import { formatPercent, formatUnitPriceLabel } from './product-labels.ts';
import { type ProductFilters, productQueryString, useProductCategories, useProductList } from './use-products.ts';

const STATUSES = ['active', 'archived', 'all'] as const;

/** The list's filters from the URL (`?q=…&status=…&category=…&sort=…`), so a filtered list can be linked. */
export function parseProductSearch(search: Record<string, unknown>): ProductFilters {
  const filters: ProductFilters = {};
  if (typeof search.q === 'string' && search.q) filters.q = search.q;
  if (STATUSES.includes(search.status as (typeof STATUSES)[number]))
    filters.status = search.status as ProductFilters['status'];
  if (typeof search.category === 'string' && search.category) filters.category = search.category;
  if (PRODUCT_SORTS.includes(search.sort as ProductSort)) filters.sort = search.sort as ProductSort;
  return filters;
}

export function ProductsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const filters = useSearch({ strict: false }) as ProductFilters;
  const [search, setSearch] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const products = useProductList(filters);
  const categories = useProductCategories().data?.data ?? [];
  const rows = products.data?.pages.flatMap((page) => page.data) ?? [];

  const setFilters = (changes: Partial<ProductFilters>) =>
    void navigate({
      to: '/products',
      search: Object.fromEntries(
        Object.entries({ ...filters, ...changes }).filter(([, value]) => value !== undefined && value !== ''),
      ) as ProductFilters,
      replace: true,
    });
  useEffect(() => {
    if (debounced !== (filters.q ?? '')) setFilters({ q: debounced || undefined });
  }, [debounced]);

  const exportUrl = (format: 'csv' | 'xlsx') => `/api/v1/products/export?${productQueryString(filters, { format })}`;
  const sortOptions = [
    ...(filters.q ? [{ value: '', label: t('products.sort.relevance') }] : []),
    ...PRODUCT_SORTS.map((value) => ({ value, label: t(`products.sort.${value}`) })),
  ];

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2}>{t('products.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to="/products/new" data-testid="products-new">
            {t('products.new')}
          </Button>
          <Button component={Link} to="/products/import" variant="default" data-testid="products-import">
            {t('products.import')}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" data-testid="products-export">
                {t('products.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item component="a" href={exportUrl('csv')} download data-testid="products-export-csv">
                {t('products.export_csv')}
              </Menu.Item>
              <Menu.Item component="a" href={exportUrl('xlsx')} download data-testid="products-export-xlsx">
                {t('products.export_xlsx')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Anchor component={Link} to="/settings/vat-rates" size="sm" data-testid="products-vat-rates">
            {t('products.vat_rates')}
          </Anchor>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <TextInput
          type="search"
          label={t('products.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          rightSection={products.isFetching ? <Loader size="xs" /> : null}
          data-testid="products-search"
        />
        <Input.Wrapper label={t('products.status')}>
          <SegmentedControl
            fullWidth
            data={STATUSES.map((value) => ({ value, label: t(`products.status.${value}`) }))}
            value={filters.status ?? 'active'}
            onChange={(value) =>
              setFilters({ status: value === 'active' ? undefined : (value as ProductFilters['status']) })
            }
            data-testid="products-status"
          />
        </Input.Wrapper>
        <Select
          label={t('products.category_filter')}
          placeholder={t('products.all_categories')}
          data={categories.map((category) => ({ value: category.name, label: `${category.name} (${category.count})` }))}
          value={filters.category ?? null}
          clearable
          onChange={(value) => setFilters({ category: value ?? undefined })}
          data-testid="products-category"
        />
        <Select
          label={t('products.sort')}
          data={sortOptions}
          value={filters.sort ?? (filters.q ? '' : 'name')}
          allowDeselect={false}
          onChange={(value) => setFilters({ sort: (value || undefined) as ProductSort | undefined })}
          data-testid="products-sort"
        />
      </SimpleGrid>

      {products.isSuccess && rows.length === 0 && (
        <Text c="dimmed" data-testid="products-empty">
          {filters.q || filters.category || filters.status ? t('products.no_results') : t('products.empty')}
        </Text>
      )}
      {rows.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="products-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('products.column.code')}</Table.Th>
              <Table.Th>{t('products.column.name')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('products.column.unit')}</Table.Th>
              <Table.Th ta="right">{t('products.column.price')}</Table.Th>
              <Table.Th visibleFrom="sm" ta="right">
                {t('products.column.vat')}
              </Table.Th>
              <Table.Th visibleFrom="md">{t('products.column.category')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((product) => (
              <Table.Tr key={product.id} data-testid="product-row" data-product-code={product.code}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{product.code}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Anchor component={Link} to={`/products/${product.id}`} size="sm">
                    {product.name}
                  </Anchor>
                  {product.archived && (
                    <Badge ml="xs" size="xs" color="gray">
                      {t('products.archived_badge')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td visibleFrom="sm">{unitLabel(product.unit_code, locale)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatUnitPriceLabel(product.unit_price, locale)}
                </Table.Td>
                <Table.Td visibleFrom="sm" ta="right">
                  {product.vat_category === 'S'
                    ? formatPercent(product.vat_rate, locale)
                    : `${product.vat_category} ${formatPercent(product.vat_rate, locale)}`}
                </Table.Td>
                <Table.Td visibleFrom="md">{product.category}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {products.hasNextPage && (
        <Button
          variant="default"
          onClick={() => products.fetchNextPage()}
          loading={products.isFetchingNextPage}
          data-testid="products-load-more"
        >
          {t('common.load_more')}
        </Button>
      )}
      <LineCalculator />
    </Stack>
  );
}
