import { addPrice } from '@clientbox/contracts';
import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../shared/api/api-client.ts';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { ADD_ON_MODULES, formatPrice, priceItemLabel } from '../orders/price-labels.ts';
import { type DatedPrice, useAddPrice, useConsolePrices, useOperatorMe } from './use-operator.ts';

const PRICE_ITEMS = ['base', 'extra_user', ...ADD_ON_MODULES.map((name) => `module:${name}`)];

/** The earliest start date the server accepts (art. 11: one month ahead; 31 Jan → end of February). */
function earliestStartDate(now = new Date()): string {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()));
  if (next.getUTCDate() !== now.getUTCDate()) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** Per item: its dated prices, newest first, and which one applies today. */
function groupPrices(prices: DatedPrice[]) {
  const on = today();
  return PRICE_ITEMS.map((item) => {
    const rows = prices.filter((price) => price.item === item).sort((a, b) => b.valid_from.localeCompare(a.valid_from));
    const current = rows.find((price) => price.valid_from <= on)?.id ?? null;
    return { item, rows, current, on };
  }).filter((group) => group.rows.length > 0);
}

export function OperatorPricesPage() {
  const { t, locale } = useI18n();
  const prices = useConsolePrices();
  const isAdmin = useOperatorMe().data?.role === 'admin';
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('console.prices.title')}</Title>
      <Text size="sm">{t('console.prices.intro')}</Text>
      {isAdmin && <AddPriceForm />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {groupPrices(prices.data ?? []).map((group) => (
          <Paper key={group.item} withBorder p="md" radius="md" data-testid={`console-price-${group.item}`}>
            <Title order={3} size="h5" mb="xs">
              {priceItemLabel(t, group.item)}
            </Title>
            <Stack gap="xs">
              {group.rows.map((price) => (
                <div key={price.id} data-testid="console-price-row">
                  <Group justify="space-between" gap="xs">
                    <Text size="sm">
                      {t('console.prices.valid_from')} {formatDate(price.valid_from, locale)}:{' '}
                      <Text span fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {formatPrice(price.monthly, locale)}
                      </Text>
                    </Text>
                    {price.id === group.current ? (
                      <Badge color="green" data-testid="console-price-current">
                        {t('console.prices.current')}
                      </Badge>
                    ) : price.valid_from > group.on ? (
                      <Badge color="blue">{t('console.prices.announced')}</Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('console.prices.past')}
                      </Badge>
                    )}
                  </Group>
                  {price.note && (
                    <Text size="xs" c="dimmed">
                      {price.note}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function AddPriceForm() {
  const { t, locale } = useI18n();
  const add = useAddPrice();
  const earliest = earliestStartDate();
  const [values, setValues] = useState({ item: 'base', monthly: '', valid_from: earliest, note: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [notified, setNotified] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    setNotified(null);
    const input = {
      item: values.item,
      // Dutch amounts are typed with a decimal comma.
      monthly: values.monthly.trim().replace(',', '.'),
      valid_from: values.valid_from,
      ...(values.note.trim() && { note: values.note.trim() }),
    };
    const checked = validate(addPrice, input, locale);
    setErrors(checked.errors);
    if (!checked.data) return;
    try {
      const result = await add.mutateAsync(checked.data);
      setNotified(result.notified_tenants);
      setValues({ ...values, monthly: '', note: '' });
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(
        error instanceof ApiError && error.problem.code === 'conflict' ? t('console.prices.exists') : problem.general,
      );
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="sm">
        {t('console.prices.add')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="console-price-form">
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          {notified !== null && (
            <Alert color="green" data-testid="console-price-result">
              {t('console.prices.added', { count: notified })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('price.item')}
              data={PRICE_ITEMS.map((item) => ({ value: item, label: priceItemLabel(t, item) }))}
              value={values.item}
              onChange={(item) => setValues({ ...values, item: item ?? 'base' })}
              allowDeselect={false}
              error={errors.item}
              data-testid="console-price-item"
            />
            <TextInput
              label={t('console.prices.monthly')}
              inputMode="decimal"
              placeholder="29,00"
              value={values.monthly}
              onChange={(event) => setValues({ ...values, monthly: event.currentTarget.value })}
              error={errors.monthly}
              data-testid="console-price-monthly"
            />
            <TextInput
              type="date"
              label={t('console.prices.valid_from')}
              description={t('console.prices.earliest', { date: formatDate(earliest, locale) })}
              min={earliest}
              value={values.valid_from}
              onChange={(event) => setValues({ ...values, valid_from: event.currentTarget.value })}
              error={errors.valid_from}
              data-testid="console-price-valid-from"
            />
          </SimpleGrid>
          <TextInput
            label={t('console.prices.note')}
            value={values.note}
            onChange={(event) => setValues({ ...values, note: event.currentTarget.value })}
            error={errors.note}
          />
          <Group>
            <Button type="submit" loading={add.isPending} data-testid="console-price-submit">
              {t('console.prices.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
