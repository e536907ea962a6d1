import { type Cents, formatMoney } from '@clientbox/contracts';
import { Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { formatPercent } from '../products/product-labels.ts';
import type { TotalsSummary } from './document-draft-lines.ts';
import { vatCategoryLabel } from './document-labels.ts';
import type { DocumentKind } from './document-kind.ts';

function Row({
  label,
  amount,
  testId,
  isStrong,
}: {
  label: string;
  amount: Cents;
  testId?: string;
  isStrong?: boolean;
}) {
  const { locale } = useI18n();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid={testId}>
      <Text size="sm" fw={isStrong ? 700 : undefined} style={{ minWidth: 0 }}>
        {label}
      </Text>
      <Text
        size="sm"
        fw={isStrong ? 700 : undefined}
        style={{ whiteSpace: 'nowrap' }}
        data-testid={testId ? `${testId}-amount` : undefined}
      >
        {formatMoney(amount, locale)}
      </Text>
    </Group>
  );
}

/**
 * Subtotal, document discount, VAT per category and rate (each on its own base), total incl.
 * VAT; for an issued invoice what is paid and still due, for a quote what its optional lines,
 * not in the total, add up to.
 */
export function DocumentTotalsPanel({
  kind,
  summary,
  title,
  hint,
  optionalTotal,
}: {
  kind: DocumentKind;
  summary: TotalsSummary;
  title: string;
  hint?: ReactNode;
  /** The optional lines not in the total (excl. VAT); shown when there are any. */
  optionalTotal?: Cents | null;
}) {
  const { t, locale } = useI18n();
  const testId = (part: string) => `${kind}-${part}`;
  return (
    <Paper withBorder p="md" data-testid={testId('totals')} aria-live="polite">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {hint}
      <Stack gap={6}>
        {summary.discount_total > 0n && (
          <>
            <Row label={t('invoice.totals.lines_total')} amount={summary.lines_total} testId={testId('lines-total')} />
            <Row
              label={t('invoice.totals.discount', { percent: formatPercent(summary.discount_percent, locale) })}
              amount={-summary.discount_total}
              testId={testId('discount-total')}
            />
          </>
        )}
        <Row label={t('invoice.totals.excl_vat')} amount={summary.total_excl_vat} testId={testId('total-excl')} />
        {summary.vat_breakdown.map((group) => (
          <Row
            key={`${group.category}:${group.rate ?? ''}`}
            label={
              group.category === 'S'
                ? t('invoice.totals.vat_group', {
                    rate: formatPercent(group.rate, locale),
                    base: formatMoney(group.base, locale),
                  })
                : t('invoice.totals.vat_group_category', {
                    category: vatCategoryLabel(t, group.category),
                    base: formatMoney(group.base, locale),
                  })
            }
            amount={group.vat}
            testId={testId('vat-row')}
          />
        ))}
        <Divider />
        <Row
          label={t('invoice.totals.incl_vat')}
          amount={summary.total_incl_vat}
          testId={testId('total-incl')}
          isStrong
        />
        {optionalTotal !== undefined && optionalTotal !== null && (
          <Text size="xs" c="dimmed" data-testid={testId('optional-total')}>
            {t('quote.totals.optional', { amount: formatMoney(optionalTotal, locale) })}
          </Text>
        )}
        {summary.amount_paid !== undefined && summary.amount_due !== undefined && (
          <>
            <Row label={t('invoice.totals.paid')} amount={summary.amount_paid} testId={testId('amount-paid')} />
            <Row label={t('invoice.totals.due')} amount={summary.amount_due} testId={testId('amount-due')} isStrong />
          </>
        )}
      </Stack>
    </Paper>
  );
}
