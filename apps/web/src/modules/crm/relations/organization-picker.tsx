import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { useRelationSearch } from './use-relations.ts';

export interface PickedOrganization {
  id: string;
  name: string;
}

/** Picks an organization by typing part of its name, a phone number or KvK (the relations search). */
export function OrganizationPicker({
  value,
  onChange,
  error,
  label,
  testId,
}: {
  value: PickedOrganization | null;
  onChange(organization: PickedOrganization | null): void;
  error?: string | undefined;
  label: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search, 200);
  const results = useRelationSearch(debounced === value?.name ? '' : debounced, 'organization');
  const options = (results.data?.data ?? []).map((hit) => ({ value: hit.id, label: hit.name }));
  if (value && !options.some((option) => option.value === value.id))
    options.unshift({ value: value.id, label: value.name });
  return (
    <Select
      label={label}
      placeholder={t('relations.pick_organization')}
      data={options}
      value={value?.id ?? null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced.trim().length >= 2 && !results.isFetching ? t('relations.none_found') : undefined}
      onChange={(id) => onChange(id ? { id, name: options.find((option) => option.value === id)?.label ?? '' } : null)}
      error={error}
      data-testid={testId}
    />
  );
}
