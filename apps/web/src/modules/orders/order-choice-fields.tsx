import { type BillingPeriod, formatMoney, type ModuleName, type PriceItem, priceOrder } from '@clientbox/contracts';
import { Checkbox, Divider, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';
import { ADD_ON_MODULES, formatPrice, moduleLabel, priceItemLabel } from './price-labels.ts';
import type { OrderChoiceValue } from './use-orders.ts';

const PERIODS: BillingPeriod[] = ['month', 'quarter', 'year'];

/** Monthly cents per price-list item, as `usePriceList()` gives them. */
type Prices = ReadonlyMap<PriceItem, bigint> | undefined;

/**
 * Terms art. 6: what an order names — add-on modules, number of users, billing period. Shared by
 * the pricing calculator, the sign-up form and the order form, with the same test ids on each.
 */
export function OrderChoiceFields({
  value,
  onChange,
  prices,
  errors = {},
  isDisabled = false,
}: {
  value: OrderChoiceValue;
  onChange(value: OrderChoiceValue): void;
  prices: Prices;
  errors?: FieldErrors;
  isDisabled?: boolean;
}) {
  const { t, locale } = useI18n();
  const monthly = (name: ModuleName) => {
    const cents = prices?.get(`module:${name}`);
    return cents === undefined ? undefined : t('price.per_month', { amount: formatMoney(cents, locale) });
  };
  return (
    <Stack gap="md">
      <Checkbox.Group
        label={t('order.modules')}
        description={t('order.modules_hint')}
        value={value.modules}
        error={errors.modules}
        onChange={(names) => onChange({ ...value, modules: ADD_ON_MODULES.filter((name) => names.includes(name)) })}
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm" mt="xs">
          {ADD_ON_MODULES.map((name) => (
            <Checkbox
              key={name}
              value={name}
              label={moduleLabel(t, name)}
              description={monthly(name)}
              disabled={isDisabled}
              data-testid={`choice-module-${name}`}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NumberInput
          label={t('order.users')}
          description={t('order.users_hint')}
          value={value.users}
          min={1}
          max={10_000}
          allowDecimal={false}
          allowNegative={false}
          inputMode="numeric"
          error={errors.users}
          disabled={isDisabled}
          onChange={(users) => onChange({ ...value, users: typeof users === 'number' ? users : '' })}
          data-testid="choice-users"
        />
        <NativeSelect
          label={t('order.period')}
          description={t('order.period_hint')}
          value={value.period}
          error={errors.period}
          disabled={isDisabled}
          data={PERIODS.map((period) => ({ value: period, label: t(`period.${period}`) }))}
          onChange={(event) => onChange({ ...value, period: event.currentTarget.value as BillingPeriod })}
          data-testid="choice-period"
        />
      </SimpleGrid>
    </Stack>
  );
}

/** The live price of a choice, computed in the browser from today's price list (art. 11). */
export function OrderTotals({ choice, prices }: { choice: OrderChoiceValue; prices: Prices }) {
  const { t, locale } = useI18n();
  const quote = quoteOf(choice, prices);
  const periodUnit = t(`period.unit.${choice.period}`);
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" data-testid="order-totals" aria-live="polite">
      <Stack gap={6}>
        {quote?.lines.map((line) => (
          <Group key={line.item} justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">
              {priceItemLabel(t, line.item)}
              {line.quantity > 1 ? ` × ${line.quantity}` : ''}
              {line.item === 'base' && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({t('price.base_note')})
                </Text>
              )}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatPrice(line.amount, locale)}
            </Text>
          </Group>
        ))}
        <Divider />
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{t('order.total_per', { period: t('period.unit.month') })}</Text>
          <Text fw={600} data-testid="total-monthly" style={{ whiteSpace: 'nowrap' }}>
            {quote ? formatPrice(quote.monthly_total, locale) : '—'}
          </Text>
        </Group>
        {choice.period !== 'month' && (
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{t('order.total_per', { period: periodUnit })}</Text>
            <Text fw={600} data-testid="total-period" style={{ whiteSpace: 'nowrap' }}>
              {quote ? formatPrice(quote.period_total, locale) : '—'}
            </Text>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('price.excl_vat')}
        </Text>
      </Stack>
    </Paper>
  );
}

function quoteOf(choice: OrderChoiceValue, prices: Prices) {
  if (!prices || choice.users === '' || choice.users < 1) return null;
  try {
    return priceOrder(prices, { modules: choice.modules, users: choice.users, period: choice.period });
  } catch {
    // An item without a price in today's list: show no total rather than a wrong one.
    return null;
  }
}
