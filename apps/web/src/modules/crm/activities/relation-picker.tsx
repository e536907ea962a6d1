import type { RelationSearchResult } from '@clientbox/contracts';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type List } from '../../../shared/api/api-client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import type { RelationRef } from './use-activities.ts';

export type PickedRelation = RelationRef & { name: string };

/**
 * An organization or person found with the relations' search box (typo tolerant): for a deal's
 * relation, and for the customer of an invoice (which passes its own label and test id).
 */
export function RelationPicker({
  value,
  onChange,
  error,
  label,
  placeholder,
  required,
  testId = 'deal-form-relation',
}: {
  value: PickedRelation | null;
  onChange(relation: PickedRelation | null): void;
  error?: string | undefined;
  label?: string;
  placeholder?: string;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useQuery({
    queryKey: ['crm-activities', 'relation-search', debounced],
    queryFn: () =>
      api<List<RelationSearchResult>>('GET', `/api/v1/relations/search?q=${encodeURIComponent(debounced)}&limit=10`),
    enabled: debounced.trim().length >= 2 && debounced !== value?.name,
  });
  const options = (results.data?.data ?? []).map((hit) => ({
    value: `${hit.type}:${hit.id}`,
    label: hit.name,
  }));
  if (value && !options.some((option) => option.value === `${value.type}:${value.id}`))
    options.unshift({ value: `${value.type}:${value.id}`, label: value.name });
  return (
    <Select
      label={label ?? t('deals.relation')}
      placeholder={placeholder ?? t('deals.relation_placeholder')}
      required={required}
      data={options}
      value={value ? `${value.type}:${value.id}` : null}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.trim().length >= 2 ? t('deals.relation_none') : undefined}
      onChange={(picked) => {
        if (!picked) return onChange(null);
        const [type, id] = picked.split(':') as ['organization' | 'person', string];
        onChange({ type, id, name: options.find((option) => option.value === picked)?.label ?? '' });
      }}
      error={error}
      data-testid={testId}
    />
  );
}
