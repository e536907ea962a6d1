import { type DocumentLine, formatMoney, parseAmount, unitLabel } from '@clientbox/contracts';
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { formatPercent, formatUnitPriceLabel } from '../products/product-labels.ts';
import { decimalInputValue } from './document-draft-lines.ts';
import { vatCategoryLabel } from './document-labels.ts';
import type { DocumentKind } from './document-kind.ts';

/** One line: on a phone the quantity, price and VAT go under the description instead of in columns. */
function LineRow({
  kind,
  line,
  note,
  isDimmed,
}: {
  kind: DocumentKind;
  line: DocumentLine;
  note: ReactNode;
  isDimmed: boolean;
}) {
  const { t, locale } = useI18n();
  const testId = (part: string) => `${kind}-${part}`;
  if (line.kind !== 'item')
    return (
      <Table.Tr data-testid={testId('view-line')} data-kind={line.kind}>
        <Table.Td colSpan={6} fw={line.kind === 'heading' ? 700 : undefined} style={{ whiteSpace: 'pre-wrap' }}>
          {line.description}
        </Table.Td>
      </Table.Tr>
    );
  const quantity = `${decimalInputValue(line.quantity, locale)} ${unitLabel(line.unit_code, locale)}`;
  const price = formatUnitPriceLabel(line.unit_price, locale);
  const vat = line.vat_category === 'S' ? formatPercent(line.vat_rate, locale) : vatCategoryLabel(t, line.vat_category);
  return (
    <Table.Tr data-testid={testId('view-line')} data-kind={line.kind} c={isDimmed ? 'dimmed' : undefined}>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        {line.description}
        {line.product_code && (
          <Text size="xs" c="dimmed">
            {line.product_code}
          </Text>
        )}
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {quantity} × {price} · {vat}
          {line.discount_percent ? ` · −${formatPercent(line.discount_percent, locale)}` : ''}
        </Text>
        {note}
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
        {quantity}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {price}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right">
        {line.discount_percent ? formatPercent(line.discount_percent, locale) : ''}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right">
        {vat}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid={testId('view-line-total')}>
        {formatMoney(parseAmount(line.line_total), locale)}
      </Table.Td>
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
  kind: DocumentKind;
  lines: readonly Line[];
  noteOf?: (line: Line, index: number) => ReactNode;
  isDimmed?: (line: Line) => boolean;
}) {
  const { t } = useI18n();
  return (
    <Table verticalSpacing="xs" data-testid={`${kind}-view-lines`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('invoice.line.description')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('invoice.line.quantity')}</Table.Th>
          <Table.Th visibleFrom="sm" ta="right">
            {t('invoice.line.unit_price')}
          </Table.Th>
          <Table.Th visibleFrom="sm" ta="right">
            {t('invoice.line.discount_percent')}
          </Table.Th>
          <Table.Th visibleFrom="sm" ta="right">
            {t('invoice.line.vat_rate')}
          </Table.Th>
          <Table.Th ta="right">{t('invoice.line.total')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line, index) => (
          <LineRow
            key={index}
            kind={kind}
            line={line}
            note={noteOf?.(line, index)}
            isDimmed={isDimmed?.(line) ?? false}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
}
