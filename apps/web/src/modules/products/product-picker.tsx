import { type Product, unitLabel } from '@clientbox/contracts';
import { Group, Loader, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { formatUnitPriceLabel } from './product-labels.ts';
import { usePickerProducts } from './use-products.ts';

/**
 * Choose a product for a quote, invoice or subscription line: search as you type (code or
 * name, typo tolerant, on the server), each option with code, name, price and unit. Archived
 * products are never offered. `onChange` gets the whole product, so the line can copy it.
 */
export function ProductPicker({
  value,
  onChange,
  label,
  placeholder,
  error,
  required,
  testId = 'product-picker',
}: {
  /** The chosen product (kept as an option even when the current search does not find it). */
  value: Product | null;
  onChange(product: Product | null): void;
  label?: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // While the field shows the chosen product's label, that label is not a search.
  const query = value && search === optionLabel(value) ? '' : debounced;
  const found = usePickerProducts(query);
  const products = useMemo(() => {
    const list = found.data?.data ?? [];
    return value && !list.some((product) => product.id === value.id) ? [value, ...list] : list;
  }, [found.data, value]);
  const byId = new Map(products.map((product) => [product.id, product]));

  return (
    <Select
      label={label ?? t('picker.label')}
      placeholder={placeholder ?? t('picker.placeholder')}
      required={required}
      error={error}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched (typo tolerant); filtering again here would drop its fuzzy matches.
      filter={({ options }) => options}
      data={products.map((product) => ({ value: product.id, label: optionLabel(product) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      nothingFoundMessage={found.isFetching ? <Loader size="xs" /> : t('picker.nothing')}
      rightSection={found.isFetching ? <Loader size="xs" /> : undefined}
      renderOption={({ option }) => {
        const product = byId.get(option.value);
        if (!product) return option.label;
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="sm" data-testid="product-picker-option">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" truncate>
                {product.name}
              </Text>
              <Text size="xs" c="dimmed">
                {product.code}
              </Text>
            </div>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatUnitPriceLabel(product.unit_price, locale)} / {unitLabel(product.unit_code, locale)}
            </Text>
          </Group>
        );
      }}
      comboboxProps={{ width: 'target' }}
      data-testid={testId}
    />
  );
}

function optionLabel(product: Product): string {
  return `${product.code} – ${product.name}`;
}
