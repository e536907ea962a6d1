import { formatPhoneNumber, ORGANIZATION_SORTS, type SavedView } from '@clientbox/contracts';
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/nl.ts';
import { ExportMenu } from './export-menu.tsx';
import { RelationBadges } from './relation-badges.tsx';
import {
  organizationListParams,
  type OrganizationListSearch,
  useCreateSavedView,
  useDeleteSavedView,
  useOrganizations,
  useSavedViews,
} from './use-relations.ts';

const STATUSES = ['customer', 'supplier', 'lead'] as const;

/** The list's state in the URL: a link or a saved view opens exactly this list. */
export function parseOrganizationListSearch(search: Record<string, unknown>): OrganizationListSearch {
  const parsed: OrganizationListSearch = {};
  if (typeof search.q === 'string' && search.q) parsed.q = search.q;
  if (STATUSES.includes(search.status as (typeof STATUSES)[number]))
    parsed.status = search.status as OrganizationListSearch['status'];
  if (ORGANIZATION_SORTS.includes(search.sort as (typeof ORGANIZATION_SORTS)[number]) && search.sort !== 'name')
    parsed.sort = search.sort as string;
  return parsed;
}

export function OrganizationsPage() {
  const { t } = useI18n();
  const search = useSearch({ strict: false }) as OrganizationListSearch;
  const navigate = useNavigate();
  const [q, setQ] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(q, 250);
  const setSearch = (next: OrganizationListSearch) =>
    void navigate({ to: '/crm/organizations', search: parseOrganizationListSearch({ ...next }), replace: true });
  useEffect(() => {
    if ((debounced || undefined) !== search.q) setSearch({ ...search, q: debounced });
  }, [debounced]);
  useEffect(() => setQ(search.q ?? ''), [search.q]);

  const pages = useOrganizations(search);
  const organizations = pages.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Stack maw={1200} data-testid="crm-organizations-page">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('relations.organizations')}</Title>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/crm/persons" data-testid="crm-persons-link">
            {t('relations.persons')}
          </Button>
          <ExportMenu
            url="/api/v1/organizations/export"
            params={organizationListParams(search)}
            testId="crm-export-organizations"
          />
          <Button
            variant="default"
            component={Link}
            to="/crm/organizations/import"
            data-testid="crm-import-organizations"
          >
            {t('relations.import')}
          </Button>
          <Button component={Link} to="/crm/organizations/new" data-testid="crm-new-organization">
            {t('relations.new_organization')}
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
          data-testid="crm-search-input"
        />
        <NativeSelect
          label={t('relations.sort')}
          value={search.sort ?? 'name'}
          data={ORGANIZATION_SORTS.map((sort) => ({ value: sort, label: t(`relations.sort.${sort}` as MessageKey) }))}
          onChange={(event) => setSearch({ ...search, sort: event.currentTarget.value })}
          data-testid="crm-sort"
        />
      </Group>
      <SegmentedControl
        value={search.status ?? 'all'}
        onChange={(value) =>
          setSearch({ ...search, status: value === 'all' ? undefined : (value as OrganizationListSearch['status']) })
        }
        data={[
          { value: 'all', label: t('relations.all') },
          { value: 'customer', label: t('relations.customers') },
          { value: 'supplier', label: t('relations.suppliers') },
          { value: 'lead', label: t('relations.leads') },
        ]}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        data-testid="crm-filter-status"
      />
      <SavedViews search={search} onOpen={setSearch} />

      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="crm-organizations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('relations.field.name')}</Table.Th>
              <Table.Th>{t('relations.status')}</Table.Th>
              <Table.Th>{t('relations.phone_number')}</Table.Th>
              <Table.Th>{t('relations.city')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {organizations.map((organization) => (
              <Table.Tr key={organization.id} data-testid="crm-organization-row" data-id={organization.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/crm/organizations/${organization.id}`}>
                    {organization.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <RelationBadges organization={organization} />
                </Table.Td>
                <Table.Td>{organization.phones[0] ? formatPhoneNumber(organization.phones[0].e164) : ''}</Table.Td>
                <Table.Td>{organization.addresses.find((address) => address.city)?.city ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages.isSuccess && organizations.length === 0 && (
        <Text c="dimmed" data-testid="crm-organizations-empty">
          {t('relations.none_found')}
        </Text>
      )}
      {pages.hasNextPage && (
        <Button
          variant="default"
          onClick={() => pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
          data-testid="crm-load-more"
        >
          {t('common.load_more')}
        </Button>
      )}
    </Stack>
  );
}

/** The user's saved views of this list: open one, save the current filters under a name, delete one. */
function SavedViews({
  search,
  onOpen,
}: {
  search: OrganizationListSearch;
  onOpen(search: OrganizationListSearch): void;
}) {
  const { t } = useI18n();
  const views = useSavedViews('organizations');
  const create = useCreateSavedView();
  const remove = useDeleteSavedView();
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<SavedView | null>(null);
  const save = async () => {
    if (!name.trim()) return;
    const query = Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as Record<
      string,
      string
    >;
    setSelected(await create.mutateAsync({ list: 'organizations', name: name.trim(), query }));
    setName('');
  };
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <NativeSelect
        label={t('relations.saved_views')}
        value={selected?.id ?? ''}
        data={[
          { value: '', label: t('relations.saved_view_choose') },
          ...(views.data?.data ?? []).map((view) => ({ value: view.id, label: view.name })),
        ]}
        onChange={(event) => {
          const view = views.data?.data.find((item) => item.id === event.currentTarget.value) ?? null;
          setSelected(view);
          if (view) onOpen(parseOrganizationListSearch(view.query));
        }}
        data-testid="crm-saved-view-select"
      />
      {selected && (
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          aria-label={t('relations.saved_view_delete')}
          onClick={async () => {
            await remove.mutateAsync(selected);
            setSelected(null);
          }}
          data-testid="crm-saved-view-delete"
        >
          ×
        </ActionIcon>
      )}
      <TextInput
        label={t('relations.saved_view_name')}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        data-testid="crm-saved-view-name"
      />
      <Button variant="light" onClick={save} loading={create.isPending} data-testid="crm-saved-view-save">
        {t('relations.saved_view_save')}
      </Button>
    </Group>
  );
}
