import { formatMoney, parseAmount, type PublicQuote, unitLabel } from '@clientbox/contracts';
import { Badge, Checkbox, Paper, Table, Text } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ItemLineCells, LineTable, TextLineRow } from '../../documents/line-table-parts.tsx';
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

/** An item; an optional one has a checkbox and says whether it is in the total. */
function ItemRow({ line, choice }: { line: Line; choice: OptionChoice }) {
  const { t, locale } = useI18n();
  const isSelected = choice.selected.has(line.index);
  const description = line.is_optional ? (
    <>
      <Checkbox
        label={line.description}
        checked={isSelected}
        disabled={!choice.onToggle}
        onChange={(event) => choice.onToggle?.(line.index, event.currentTarget.checked)}
        data-testid="public-quote-option"
        styles={{ label: { overflowWrap: 'anywhere' } }}
      />
      <Badge size="xs" variant="light" color={isSelected ? 'green' : 'gray'} mt={4}>
        {t('public_quote.optional')} · {t(isSelected ? 'public_quote.option_included' : 'public_quote.option_excluded')}
      </Badge>
    </>
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
      <ItemLineCells
        description={description}
        productCode={line.product_code}
        quantity={`${formatQuantity(line.quantity, locale)} ${unitLabel(line.unit_code, locale)}`}
        price={formatUnitPriceLabel(line.unit_price, locale)}
        discount={discountLabel(line, locale)}
        vat={vatLabel(t, line.vat_category, line.vat_rate, locale)}
        total={formatMoney(parseAmount(line.line_total), locale)}
        totalTestId="public-quote-line-total"
        isTotalDimmed={line.is_optional && !isSelected}
      />
    </Table.Tr>
  );
}

/** Headings, text lines and items as sent; an optional item has a checkbox while the customer can still choose. */
export function PublicQuoteLines({ quote, choice }: { quote: PublicQuote; choice: OptionChoice }) {
  const { t } = useI18n();
  const hasOptions = quote.lines.some((line) => line.is_optional);
  const labels = {
    description: t('public_quote.lines'),
    quantity: t('public_quote.column.quantity'),
    unitPrice: t('public_quote.column.unit_price'),
    discount: t('public_quote.column.discount'),
    vat: t('public_quote.column.vat'),
    total: t('public_quote.column.total'),
  };
  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} radius="md">
      {hasOptions && choice.onToggle && (
        <Text size="sm" mb="xs" data-testid="public-quote-options-hint">
          {t('public_quote.optional_hint')}
        </Text>
      )}
      <LineTable labels={labels} testId="public-quote-lines" horizontalSpacing="xs">
        {quote.lines.map((line) =>
          line.kind === 'item' ? (
            <ItemRow key={line.index} line={line} choice={choice} />
          ) : (
            <TextLineRow key={line.index} kind={line.kind} description={line.description} testId="public-quote-line" />
          ),
        )}
      </LineTable>
    </Paper>
  );
}
