import { formatPhoneNumber, PERSON_SORTS } from '@clientbox/contracts';
import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/nl.ts';
import { ExportMenu } from './export-menu.tsx';
import { personListParams, type PersonListSearch, usePersons } from './use-relations.ts';

export function parsePersonListSearch(search: Record<string, unknown>): PersonListSearch {
  const parsed: PersonListSearch = {};
  if (typeof search.q === 'string' && search.q) parsed.q = search.q;
  if (PERSON_SORTS.includes(search.sort as (typeof PERSON_SORTS)[number]) && search.sort !== 'name')
    parsed.sort = search.sort as string;
  return parsed;
}

export function PersonsPage() {
  const { t } = useI18n();
  const search = useSearch({ strict: false }) as PersonListSearch;
  const navigate = useNavigate();
  const [q, setQ] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(q, 250);
  const setSearch = (next: PersonListSearch) =>
    void navigate({ to: '/crm/persons', search: parsePersonListSearch({ ...next }), replace: true });
  useEffect(() => {
    if ((debounced || undefined) !== search.q) setSearch({ ...search, q: debounced });
  }, [debounced]);
  const pages = usePersons(search);
  const persons = pages.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Stack maw={1200} data-testid="crm-persons-page">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('relations.persons')}</Title>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/crm/organizations">
            {t('relations.organizations')}
          </Button>
          <ExportMenu url="/api/v1/persons/export" params={personListParams(search)} testId="crm-export-persons" />
          <Button component={Link} to="/crm/persons/new" data-testid="crm-new-person">
            {t('relations.new_person')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          label={t('relations.search')}
          placeholder={t('relations.search_placeholder')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          style={{ flex: '1 1 240px' }}
          data-testid="crm-persons-search-input"
        />
        <NativeSelect
          label={t('relations.sort')}
          value={search.sort ?? 'name'}
          data={PERSON_SORTS.map((sort) => ({ value: sort, label: t(`relations.sort.${sort}` as MessageKey) }))}
          onChange={(event) => setSearch({ ...search, sort: event.currentTarget.value })}
          data-testid="crm-persons-sort"
        />
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('relations.field.name')}</Table.Th>
              <Table.Th>{t('relations.organizations')}</Table.Th>
              <Table.Th>{t('relations.phone_number')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {persons.map((person) => (
              <Table.Tr key={person.id} data-testid="crm-person-row" data-id={person.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/crm/persons/${person.id}`}>
                    {person.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {person.organizations
                    .map((link) => (link.role ? `${link.organization_name} (${link.role})` : link.organization_name))
                    .join(', ')}
                </Table.Td>
                <Table.Td>{person.phones[0] ? formatPhoneNumber(person.phones[0].e164) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages.isSuccess && persons.length === 0 && <Text c="dimmed">{t('relations.none_found')}</Text>}
      {pages.hasNextPage && (
        <Button
          variant="default"
          onClick={() => pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
          data-testid="crm-persons-load-more"
        >
          {t('common.load_more')}
        </Button>
      )}
    </Stack>
  );
}
