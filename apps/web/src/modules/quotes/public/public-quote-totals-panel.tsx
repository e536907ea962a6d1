import { type DocumentTotals, formatMoney } from '@clientbox/contracts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { TotalsPanelFrame, VatTotalsRows, type VatTotalsTexts } from '../../documents/totals-parts.tsx';
import { formatPercent } from '../../products/product-labels.ts';
import { vatLabel } from './public-quote-format.ts';

/** Excl. VAT, the VAT per category and rate (each on its own base), incl. VAT: live for the options ticked. */
export function PublicQuoteTotalsPanel({
  totals,
  discountPercent,
}: {
  totals: DocumentTotals;
  discountPercent: string | null;
}) {
  const { t, locale } = useI18n();
  const texts: VatTotalsTexts = {
    linesTotal: t('public_quote.totals.lines_total'),
    discount: t('public_quote.totals.discount', { percent: formatPercent(discountPercent, locale) }),
    exclVat: t('public_quote.totals.excl_vat'),
    vatGroup: (group) =>
      group.category === 'S'
        ? t('public_quote.totals.vat_group', {
            rate: formatPercent(group.rate, locale),
            base: formatMoney(group.base, locale),
          })
        : t('public_quote.totals.vat_group_category', {
            category: vatLabel(t, group.category, group.rate, locale),
            base: formatMoney(group.base, locale),
          }),
    inclVat: t('public_quote.totals.incl_vat'),
  };
  return (
    <TotalsPanelFrame title={t('public_quote.totals')} titleOrder={2} radius="md" testId="public-quote-totals">
      <VatTotalsRows totals={totals} texts={texts} testIdPrefix="public-quote" />
    </TotalsPanelFrame>
  );
}
