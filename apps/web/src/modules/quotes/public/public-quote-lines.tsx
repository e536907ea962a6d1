import { formatMoney, parseAmount, type PublicQuote, unitLabel } from '@clientbox/contracts';
import { Badge, Checkbox, Paper, Table, Text } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { formatPercent, formatUnitPriceLabel } from '../../products/product-labels.ts';
import { formatQuantity, vatLabel } from './public-quote-format.ts';

type Line = PublicQuote['lines'][number];

interface OptionChoice {
  selected: ReadonlySet<number>;
  /** Null when the options can no longer be changed (answered, expired, superseded). */
  onToggle: ((index: number, isSelected: boolean) => void) | null;
}

function discountLabel(line: Line, locale: 'nl' | 'en'): string {
  if (line.discount_percent) return formatPercent(line.discount_percent, locale);
  if (line.discount_amount) return formatMoney(parseAmount(line.discount_amount), locale);
  return '';
}

/** An item: on a phone quantity, price, discount and VAT go under the description instead of in columns. */
function ItemRow({ line, choice }: { line: Line; choice: OptionChoice }) {
  const { t, locale } = useI18n();
  const quantity = `${formatQuantity(line.quantity, locale)} ${unitLabel(line.unit_code, locale)}`;
  const price = formatUnitPriceLabel(line.unit_price, locale);
  const vat = vatLabel(t, line.vat_category, line.vat_rate, locale);
  const discount = discountLabel(line, locale);
  const isSelected = choice.selected.has(line.index);
  const isCounted = !line.is_optional || isSelected;
  const description = line.is_optional ? (
    <Checkbox
      label={line.description}
      checked={isSelected}
      disabled={!choice.onToggle}
      onChange={(event) => choice.onToggle?.(line.index, event.currentTarget.checked)}
      data-testid="public-quote-option"
      styles={{ label: { overflowWrap: 'anywhere' } }}
    />
  ) : (
    line.description
  );
  return (
    <Table.Tr
      data-testid="public-quote-line"
      data-kind="item"
      data-optional={line.is_optional || undefined}
      data-selected={line.is_optional ? isSelected : undefined}
    >
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        {description}
        {line.is_optional && (
          <Badge size="xs" variant="light" color={isSelected ? 'green' : 'gray'} mt={4}>
            {t('public_quote.optional')} ·{' '}
            {t(isSelected ? 'public_quote.option_included' : 'public_quote.option_excluded')}
          </Badge>
        )}
        {line.product_code && (
          <Text size="xs" c="dimmed">
            {line.product_code}
          </Text>
        )}
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {quantity} × {price} · {vat}
          {discount ? ` · −${discount}` : ''}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
        {quantity}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {price}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {discount}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right">
        {vat}
      </Table.Td>
      <Table.Td
        ta="right"
        c={isCounted ? undefined : 'dimmed'}
        style={{ whiteSpace: 'nowrap' }}
        data-testid="public-quote-line-total"
      >
        {formatMoney(parseAmount(line.line_total), locale)}
      </Table.Td>
    </Table.Tr>
  );
}

/** Headings, text lines and items as sent; an optional item has a checkbox while the customer can still choose. */
export function PublicQuoteLines({ quote, choice }: { quote: PublicQuote; choice: OptionChoice }) {
  const { t } = useI18n();
  const hasOptions = quote.lines.some((line) => line.is_optional);
  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} radius="md">
      {hasOptions && choice.onToggle && (
        <Text size="sm" mb="xs" data-testid="public-quote-options-hint">
          {t('public_quote.optional_hint')}
        </Text>
      )}
      <Table verticalSpacing="xs" horizontalSpacing="xs" data-testid="public-quote-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('public_quote.lines')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('public_quote.column.quantity')}</Table.Th>
            <Table.Th visibleFrom="sm" ta="right">
              {t('public_quote.column.unit_price')}
            </Table.Th>
            <Table.Th visibleFrom="sm" ta="right">
              {t('public_quote.column.discount')}
            </Table.Th>
            <Table.Th visibleFrom="sm" ta="right">
              {t('public_quote.column.vat')}
            </Table.Th>
            <Table.Th ta="right">{t('public_quote.column.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quote.lines.map((line) =>
            line.kind === 'item' ? (
              <ItemRow key={line.index} line={line} choice={choice} />
            ) : (
              <Table.Tr key={line.index} data-testid="public-quote-line" data-kind={line.kind}>
                <Table.Td
                  colSpan={6}
                  fw={line.kind === 'heading' ? 700 : undefined}
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                  {line.description}
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
