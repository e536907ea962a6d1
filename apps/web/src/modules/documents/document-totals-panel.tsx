import { type Cents, formatMoney } from '@clientbox/contracts';
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { formatPercent } from '../products/product-labels.ts';
import type { TotalsSummary } from './document-draft-lines.ts';
import { vatCategoryLabel } from './document-labels.ts';
import type { DocumentKind } from './document-kind.ts';
import { TotalsPanelFrame, TotalsRow, VatTotalsRows, type VatTotalsTexts } from './totals-parts.tsx';

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
  const texts: VatTotalsTexts = {
    linesTotal: t('invoice.totals.lines_total'),
    discount: t('invoice.totals.discount', { percent: formatPercent(summary.discount_percent, locale) }),
    exclVat: t('invoice.totals.excl_vat'),
    vatGroup: (group) =>
      group.category === 'S'
        ? t('invoice.totals.vat_group', {
            rate: formatPercent(group.rate, locale),
            base: formatMoney(group.base, locale),
          })
        : t('invoice.totals.vat_group_category', {
            category: vatCategoryLabel(t, group.category),
            base: formatMoney(group.base, locale),
          }),
    inclVat: t('invoice.totals.incl_vat'),
  };
  return (
    <TotalsPanelFrame title={title} titleOrder={3} testId={testId('totals')} hint={hint}>
      <VatTotalsRows totals={summary} texts={texts} testIdPrefix={kind} />
      {optionalTotal !== undefined && optionalTotal !== null && (
        <Text size="xs" c="dimmed" data-testid={testId('optional-total')}>
          {t('quote.totals.optional', { amount: formatMoney(optionalTotal, locale) })}
        </Text>
      )}
      {summary.amount_paid !== undefined && summary.amount_due !== undefined && (
        <>
          <TotalsRow label={t('invoice.totals.paid')} amount={summary.amount_paid} testId={testId('amount-paid')} />
          <TotalsRow
            label={t('invoice.totals.due')}
            amount={summary.amount_due}
            testId={testId('amount-due')}
            isStrong
          />
        </>
      )}
    </TotalsPanelFrame>
  );
}
