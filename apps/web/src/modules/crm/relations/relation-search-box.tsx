import { Box, Combobox, Group, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { useRelationSearch } from './use-relations.ts';

/**
 * The search box in the header: organizations and persons as you type (name, phone in any
 * format, KvK…); Enter opens the best hit. A phone's header has no room left: there it sits at
 * the top of the menu behind the burger (`placement="menu"`).
 */
export function RelationSearchBox({ placement }: { placement: 'header' | 'menu' }) {
  const isPhone = useMediaQuery('(max-width: 48em)');
  if (isPhone === undefined || isPhone !== (placement === 'menu')) return null;
  return placement === 'menu' ? (
    <Box px="xs" pb="xs">
      <SearchCombobox width="100%" />
    </Box>
  ) : (
    <SearchCombobox width={{ sm: 240, md: 300 }} />
  );
}

function SearchCombobox({ width }: { width: string | Record<string, number> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 200);
  const results = useRelationSearch(debounced);
  const hits = debounced.trim().length >= 2 ? (results.data?.data ?? []) : [];

  const open = async (value: string) => {
    const [type, id] = value.split(':') as ['organization' | 'person', string];
    combobox.closeDropdown();
    setQ('');
    await navigate({ to: type === 'organization' ? `/crm/organizations/${id}` : `/crm/persons/${id}` });
  };

  return (
    <Combobox store={combobox} onOptionSubmit={open} withinPortal>
      <Combobox.Target>
        <TextInput
          size="xs"
          w={width}
          placeholder={t('relations.header_search')}
          aria-label={t('relations.header_search')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            // Enter without choosing opens the best hit.
            if (event.key === 'Enter' && combobox.getSelectedOptionIndex() < 0 && hits[0]) {
              event.preventDefault();
              void open(`${hits[0].type}:${hits[0].id}`);
            }
          }}
          data-testid="relation-search"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={debounced.trim().length < 2} miw={260} data-testid="relation-search-results">
        <Combobox.Options>
          {hits.map((hit) => (
            <Combobox.Option
              value={`${hit.type}:${hit.id}`}
              key={`${hit.type}:${hit.id}`}
              data-testid="relation-search-option"
            >
              <Group gap={6} wrap="nowrap" justify="space-between">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" truncate>
                    {hit.name}
                  </Text>
                  {hit.description && (
                    <Text size="xs" c="dimmed" truncate>
                      {hit.description}
                    </Text>
                  )}
                </div>
                <Text size="xs" c="dimmed">
                  {hit.type === 'organization' ? t('relations.organization') : t('relations.person')}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
          {hits.length === 0 && results.isSuccess && !results.isFetching && (
            <Combobox.Empty>{t('relations.none_found')}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
