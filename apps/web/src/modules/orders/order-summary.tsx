import { formatMoney, lineNet, MODULE_NAMES, type Order, type OrderOverview } from '@clientbox/contracts';
import { Divider, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDate, formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { formatPrice, moduleLabel, priceItemLabel } from './price-labels.ts';

/** An order as agreed: modules, users, period, the prices of that day, the terms version (art. 6, 11). */
export function OrderSummary({ order, title, testId }: { order: Order; title: string; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Text size="sm">
          {MODULE_NAMES.filter((name) => order.modules.includes(name))
            .map((name) => moduleLabel(t, name))
            .join(', ')}{' '}
          · {t('order.users_count', { users: order.users })} · {t(`period.${order.period}`)}
        </Text>
        {order.lines.map((line) => (
          <Group key={line.item} justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">
              {priceItemLabel(t, line.item)}
              {line.quantity > 1 ? ` × ${line.quantity}` : ''}{' '}
              <Text span size="xs" c="dimmed">
                ({t('price.per_month', { amount: formatPrice(line.monthly, locale) })})
              </Text>
            </Text>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(lineNet(String(line.quantity), line.monthly), locale)}
            </Text>
          </Group>
        ))}
        <Divider />
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{t('order.total_per', { period: t('period.unit.month') })}</Text>
          <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
            {formatPrice(order.monthly_total, locale)}
          </Text>
        </Group>
        {order.period !== 'month' && (
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{t('order.total_per', { period: t(`period.unit.${order.period}`) })}</Text>
            <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
              {formatPrice(order.period_total, locale)}
            </Text>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('price.excl_vat')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('order.placed', {
            date: formatDateTime(order.placed_at, locale),
            name: order.placed_by_name ?? '—',
          })}{' '}
          · {t('order.terms_version', { version: order.terms_version })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Art. 11: a price change applies to the contract from a date announced at least a month ahead. */
export function PriceChanges({ changes }: { changes: OrderOverview['price_changes'] }) {
  const { t, locale } = useI18n();
  if (changes.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="order-price-changes">
      <Title order={3} size="h5" mb="xs">
        {t('order.price_changes')}
      </Title>
      <List size="sm" spacing={4}>
        {changes.map((change) => (
          <List.Item key={`${change.item}-${change.applies_from}`}>
            {t('order.price_change', {
              item: priceItemLabel(t, change.item),
              amount: formatPrice(change.monthly, locale),
              date: formatDate(change.applies_from, locale),
            })}
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        {t('order.price_change_note')}
      </Text>
    </Paper>
  );
}
