import { type Cents, type DocumentTotals, formatMoney } from '@clientbox/contracts';
import { Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { vatLabel } from './public-quote-format.ts';
import { formatPercent } from '../../products/product-labels.ts';

function Row({
  label,
  amount,
  testId,
  isStrong,
}: {
  label: string;
  amount: Cents;
  testId: string;
  isStrong?: boolean;
}) {
  const { locale } = useI18n();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid={testId}>
      <Text size="sm" fw={isStrong ? 700 : undefined} style={{ minWidth: 0 }}>
        {label}
      </Text>
      <Text size="sm" fw={isStrong ? 700 : undefined} style={{ whiteSpace: 'nowrap' }} data-testid={`${testId}-amount`}>
        {formatMoney(amount, locale)}
      </Text>
    </Group>
  );
}

/** Excl. VAT, the VAT per category and rate (each on its own base), incl. VAT: live for the options ticked. */
export function PublicQuoteTotalsPanel({
  totals,
  discountPercent,
}: {
  totals: DocumentTotals;
  discountPercent: string | null;
}) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="md" radius="md" data-testid="public-quote-totals" aria-live="polite">
      <Title order={2} size="h5" mb="xs">
        {t('public_quote.totals')}
      </Title>
      <Stack gap={6}>
        {totals.discount_total > 0n && (
          <>
            <Row
              label={t('public_quote.totals.lines_total')}
              amount={totals.lines_total}
              testId="public-quote-lines-total"
            />
            <Row
              label={t('public_quote.totals.discount', { percent: formatPercent(discountPercent, locale) })}
              amount={-totals.discount_total}
              testId="public-quote-discount-total"
            />
          </>
        )}
        <Row
          label={t('public_quote.totals.excl_vat')}
          amount={totals.total_excl_vat}
          testId="public-quote-total-excl"
        />
        {totals.vat_breakdown.map((group) => (
          <Row
            key={`${group.category}:${group.rate ?? ''}`}
            label={
              group.category === 'S'
                ? t('public_quote.totals.vat_group', {
                    rate: formatPercent(group.rate, locale),
                    base: formatMoney(group.base, locale),
                  })
                : t('public_quote.totals.vat_group_category', {
                    category: vatLabel(t, group.category, group.rate, locale),
                    base: formatMoney(group.base, locale),
                  })
            }
            amount={group.vat}
            testId="public-quote-vat-row"
          />
        ))}
        <Divider />
        <Row
          label={t('public_quote.totals.incl_vat')}
          amount={totals.total_incl_vat}
          testId="public-quote-total-incl"
          isStrong
        />
      </Stack>
    </Paper>
  );
}
