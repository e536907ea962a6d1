import { Paper, Select, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { useConsoleTenants, usePlatformSettings, useUpdatePlatformSettings } from './use-operator.ts';

const NONE = 'none';

/**
 * The tenant the operator bills its tenants from (terms art. 8, 11–15): every accepted order
 * becomes a subscription there. Choosing "do not bill" stops writing the platform's events.
 * Typing searches all tenants on the server (the list without a search holds the newest only);
 * the chosen one is always shown by its name.
 */
export function BillingTenantPicker({ isAdmin }: { isAdmin: boolean }) {
  const { t, locale } = useI18n();
  const settings = usePlatformSettings();
  const update = useUpdatePlatformSettings();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const current = settings.data?.billing_tenant_id ?? null;
  const currentName = settings.data?.billing_tenant_name ?? null;
  // The search box shows the chosen option's name until the admin types: that is no search.
  const shownName = current ? currentName : t('console.billing.none');
  const tenants = useConsoleTenants(debounced === shownName ? '' : debounced);
  const found = (tenants.data ?? []).map((tenant) => ({ value: tenant.id, label: tenant.name }));
  const options = [
    { value: NONE, label: t('console.billing.none') },
    ...(current && currentName && !found.some((option) => option.value === current)
      ? [{ value: current, label: currentName }]
      : []),
    ...found,
  ];
  const nameOf = (id: string) => options.find((option) => option.value === id)?.label ?? id;

  const choose = async (value: string | null) => {
    const billingTenantId = !value || value === NONE ? null : value;
    if (billingTenantId === current) return;
    try {
      await update.mutateAsync({ billing_tenant_id: billingTenantId });
      notifications.show({
        color: 'green',
        message: billingTenantId
          ? t('console.billing.saved', { tenant: nameOf(billingTenantId) })
          : t('console.billing.saved_none'),
      });
    } catch (error) {
      const problem = serverErrors(error, locale);
      notifications.show({
        color: 'red',
        message: problem.fields.billing_tenant_id ?? problem.general ?? t('error.generic'),
      });
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="console-billing">
      <Title order={3} size="h5" mb={4}>
        {t('console.billing.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('console.billing.text')}
      </Text>
      <Select
        label={t('console.billing.tenant')}
        placeholder={t('console.billing.search')}
        data={options}
        value={settings.data ? (current ?? NONE) : null}
        onChange={(value) => void choose(value)}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        allowDeselect={false}
        nothingFoundMessage={t('console.tenants.none')}
        disabled={!settings.data || !tenants.data || !isAdmin || update.isPending}
        maw={420}
        comboboxProps={{ withinPortal: true }}
        data-testid="console-billing-tenant"
        data-value={current ?? ''}
      />
    </Paper>
  );
}
