import { type DocumentLine, formatMoney, parseAmount, unitLabel } from '@clientbox/contracts';
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { formatPercent, formatUnitPriceLabel } from '../products/product-labels.ts';
import { decimalInputValue } from './document-draft-lines.ts';
import { vatCategoryLabel } from './document-labels.ts';
import type { LinesKind } from './document-kind.ts';
import { ItemLineCells, LineTable, TextLineRow } from './line-table-parts.tsx';

function LineRow({
  kind,
  line,
  note,
  isDimmed,
}: {
  kind: LinesKind;
  line: DocumentLine;
  note: ReactNode;
  isDimmed: boolean;
}) {
  const { t, locale } = useI18n();
  const testId = (part: string) => `${kind}-${part}`;
  if (line.kind !== 'item')
    return <TextLineRow kind={line.kind} description={line.description} testId={testId('view-line')} />;
  return (
    <Table.Tr data-testid={testId('view-line')} data-kind={line.kind} c={isDimmed ? 'dimmed' : undefined}>
      <ItemLineCells
        description={line.description}
        productCode={line.product_code}
        quantity={`${decimalInputValue(line.quantity, locale)} ${unitLabel(line.unit_code, locale)}`}
        price={formatUnitPriceLabel(line.unit_price, locale)}
        discount={line.discount_percent ? formatPercent(line.discount_percent, locale) : ''}
        vat={line.vat_category === 'S' ? formatPercent(line.vat_rate, locale) : vatCategoryLabel(t, line.vat_category)}
        total={formatMoney(parseAmount(line.line_total), locale)}
        note={note}
        totalTestId={testId('view-line-total')}
      />
    </Table.Tr>
  );
}

/**
 * The lines of a sent quote or issued invoice, read-only. `noteOf` adds a remark under a line's
 * description (a quote's "optional"); `isDimmed` greys a line that is not in the total.
 */
export function DocumentLinesTable<Line extends DocumentLine>({
  kind,
  lines,
  noteOf,
  isDimmed,
}: {
  kind: LinesKind;
  lines: readonly Line[];
  noteOf?: (line: Line, index: number) => ReactNode;
  isDimmed?: (line: Line) => boolean;
}) {
  const { t } = useI18n();
  const labels = {
    description: t('invoice.line.description'),
    quantity: t('invoice.line.quantity'),
    unitPrice: t('invoice.line.unit_price'),
    discount: t('invoice.line.discount_percent'),
    vat: t('invoice.line.vat_rate'),
    total: t('invoice.line.total'),
  };
  return (
    <LineTable labels={labels} testId={`${kind}-view-lines`}>
      {lines.map((line, index) => (
        <LineRow
          key={index}
          kind={kind}
          line={line}
          note={noteOf?.(line, index)}
          isDimmed={isDimmed?.(line) ?? false}
        />
      ))}
    </LineTable>
  );
}
