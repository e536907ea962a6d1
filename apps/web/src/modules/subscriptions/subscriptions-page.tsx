import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from '@clientbox/contracts';
import { Alert, Button, Grid, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { LoadMoreButton } from '../receivables/list-panel.tsx';
import { BillingRunInvoices } from './billing-run-invoices.tsx';
import { SubscriptionRows } from './subscription-list.tsx';
import { MrrChart, SubscriptionFigures } from './subscription-metrics.tsx';
import {
  type SubscriptionFilters,
  useSubscriptionList,
  useSubscriptionMetrics,
  useUpcomingInvoices,
} from './use-subscriptions.ts';

/** The list's filters from the URL (`?status=active&q=…`), so a filtered list can be linked. */
export function parseSubscriptionSearch(search: Record<string, unknown>): SubscriptionFilters {
  const filters: SubscriptionFilters = {};
  if (SUBSCRIPTION_STATUSES.includes(search.status as SubscriptionStatus))
    filters.status = search.status as SubscriptionStatus;
  if (typeof search.q === 'string' && search.q.trim()) filters.q = search.q.trim().slice(0, 200);
  return filters;
}

/** What the coming 30 days will invoice, from the subscriptions as they stand. */
function UpcomingInvoices() {
  const { t, locale } = useI18n();
  const upcoming = useUpcomingInvoices(30);
  return (
    <Paper withBorder p="md" radius="md" data-testid="upcoming-invoices">
      <Title order={3} size="h5" mb="sm">
        {t('subscriptions.upcoming.title')}
      </Title>
      {upcoming.error ? (
        <Alert color="red">{serverErrors(upcoming.error, locale).general}</Alert>
      ) : !upcoming.data ? (
        <Text size="sm">{t('common.loading')}</Text>
      ) : (
        <BillingRunInvoices preview={upcoming.data} testId="upcoming-invoice" showPeriods={false} />
      )}
    </Paper>
  );
}

/** `/subscriptions`: the figures (MRR, ARR, churn), the last 12 months, what comes, and the list. */
export function SubscriptionsPage() {
  const { t, locale } = useI18n();
  const filters = useSearch({ strict: false }) as SubscriptionFilters;
  const navigate = useNavigate();
  const setFilters = (changes: SubscriptionFilters) =>
    void navigate({
      to: '/subscriptions',
      search: parseSubscriptionSearch({ ...filters, ...changes }) as Record<string, string>,
      replace: true,
    });
  const [q, setQ] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(q, 250);
  useEffect(() => {
    if ((debounced.trim() || undefined) !== filters.q) setFilters({ q: debounced });
  }, [debounced]);
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const metrics = useSubscriptionMetrics();
  const list = useSubscriptionList(filters);
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Stack maw={1200} data-testid="subscriptions-page">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2}>{t('subscriptions.title')}</Title>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/subscriptions/billing" data-testid="subscriptions-billing">
            {t('subscriptions.billing.link')}
          </Button>
          <Button component={Link} to="/subscriptions/new" data-testid="subscriptions-new">
            {t('subscriptions.new')}
          </Button>
        </Group>
      </Group>
      {metrics.data && <SubscriptionFigures metrics={metrics.data} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>{metrics.data && <MrrChart metrics={metrics.data} />}</Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <UpcomingInvoices />
        </Grid.Col>
      </Grid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('subscriptions.status_filter')}
          placeholder={t('subscriptions.status_all')}
          data={SUBSCRIPTION_STATUSES.map((value) => ({ value, label: t(`subscriptions.status.${value}`) }))}
          value={filters.status ?? null}
          clearable
          onChange={(status) => setFilters({ status: (status ?? undefined) as SubscriptionStatus | undefined })}
          data-testid="subscriptions-status"
        />
        <TextInput
          type="search"
          label={t('subscriptions.search')}
          placeholder={t('subscriptions.search_placeholder')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          data-testid="subscriptions-search"
        />
      </SimpleGrid>
      {list.error && (
        <Alert color="red" data-testid="subscriptions-error">
          {serverErrors(list.error, locale).general}
        </Alert>
      )}
      {list.isSuccess && rows.length === 0 && (
        <Text c="dimmed" data-testid="subscriptions-empty">
          {filters.status || filters.q ? t('subscriptions.no_results') : t('subscriptions.empty')}
        </Text>
      )}
      {rows.length > 0 && <SubscriptionRows rows={rows} />}
      <LoadMoreButton list={list} label={t('common.load_more')} testId="subscriptions-load-more" />
    </Stack>
  );
}
