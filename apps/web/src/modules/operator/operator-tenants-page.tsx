import type { OperatorTenant, TenantState } from '@clientbox/contracts';
import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { formatDate, formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { formatPrice } from '../orders/price-labels.ts';
import { isDeactivationScheduled, TenantActions } from './operator-tenant-actions.tsx';
import { useConsoleTenants, useOperatorMe } from './use-operator.ts';

export const STATE_COLOR: Record<TenantState, string> = {
  demo: 'blue',
  active: 'green',
  expired: 'gray',
  suspended: 'orange',
  deactivated: 'red',
};

/** The tenants with state, contract, seats and activity (platform data only, art. 16); search in the URL. */
export function OperatorTenantsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { q = '' } = useSearch({ strict: false }) as { q?: string };
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const tenants = useConsoleTenants(debounced);
  const isAdmin = useOperatorMe().data?.role === 'admin';

  useEffect(() => {
    if (debounced !== q) void navigate({ to: '/operator', search: debounced ? { q: debounced } : {}, replace: true });
  }, [debounced, q, navigate]);

  return (
    <Stack maw={1200}>
      <Title order={2}>{t('console.tenants.title')}</Title>
      <TextInput
        type="search"
        label={t('console.tenants.search')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
        rightSection={tenants.isFetching ? <Loader size="xs" /> : null}
        data-testid="console-tenant-search"
      />
      {tenants.data?.length === 0 && <Text c="dimmed">{t('console.tenants.none')}</Text>}
      {tenants.data?.map((tenant) => (
        <TenantCard key={tenant.id} tenant={tenant} isAdmin={isAdmin} />
      ))}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function TenantCard({ tenant, isAdmin }: { tenant: OperatorTenant; isAdmin: boolean }) {
  const { t, locale } = useI18n();
  const isDemo = tenant.state === 'demo' || tenant.state === 'expired';
  const contract =
    tenant.monthly_total !== null
      ? `${t('price.per_month', { amount: formatPrice(tenant.monthly_total, locale) })}${tenant.period ? ` · ${t(`period.${tenant.period}`)}` : ''}`
      : t('console.tenants.no_contract');
  return (
    <Paper withBorder p="md" radius="md" data-testid="console-tenant" data-tenant-id={tenant.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Group gap="xs">
            <Text fw={600}>{tenant.name}</Text>
            <Badge color={STATE_COLOR[tenant.state]} data-testid="console-tenant-state">
              {t(`tenant_state.${tenant.state}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {t(tenant.customer_type === 'business' ? 'signup.business' : 'signup.private')}
            </Text>
          </Group>
          {isAdmin && <TenantActions tenant={tenant} />}
        </Group>
        {isDeactivationScheduled(tenant) && (
          <Text size="sm" c="red" fw={600} data-testid="console-tenant-deactivation">
            {t('console.tenants.deactivation_due', { date: formatDate(tenant.deactivation_due_at!, locale) })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
          <Fact label={t('console.tenants.owner')}>{tenant.owner_email ?? '—'}</Fact>
          <Fact label={t('console.tenants.contract')}>
            {isDemo && tenant.monthly_total === null
              ? t(tenant.state === 'demo' ? 'console.tenants.demo_until' : 'console.tenants.demo_ended', {
                  date: formatDate(tenant.demo_ends_at, locale),
                })
              : contract}
          </Fact>
          <Fact label={t('console.tenants.users')}>
            {tenant.seats === null
              ? tenant.active_users
              : t('console.tenants.users_of_seats', { users: tenant.active_users, seats: tenant.seats })}
          </Fact>
          <Fact label={t('console.tenants.last_activity')}>
            {tenant.last_activity_at
              ? formatDateTime(tenant.last_activity_at, locale)
              : t('console.tenants.never_active')}
          </Fact>
        </SimpleGrid>
        <Fact label={t('console.tenants.modules')}>
          {tenant.modules.map((name) => t(`module.${name}`)).join(', ') || '—'}
        </Fact>
      </Stack>
    </Paper>
  );
}
