import {
  type Cents,
  type DatedVatRate,
  formatMoney,
  normalizePercent,
  rateClassesOf,
  VAT_CATEGORIES,
  type VatCategory,
  vatRateOn,
} from '@clientbox/contracts';
import { ActionIcon, Badge, Grid, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';
import { formatPercent, rateClassName, unitOptions } from '../products/product-labels.ts';
import type { LineValues } from './invoice-draft.ts';
import { vatCategoryLabel } from './invoice-labels.ts';

export interface RateOption {
  value: string;
  /** "21%": what the field shows. */
  label: string;
  /** The rate classes with this percentage: what the option adds below it. */
  description: string;
}

/**
 * The percentages of category S on `date`, each with the names of its rate classes
 * ("Algemeen tarief"); a line's own percentage stays offered when no class has it today.
 */
export function vatRateOptions(rates: readonly DatedVatRate[], date: string, locale: Locale): RateOption[] {
  const names = new Map<string, string[]>();
  for (const rateClass of rateClassesOf(rates)) {
    const percent = vatRateOn(rates, rateClass, date);
    if (percent === null || percent === '0') continue;
    names.set(percent, [...(names.get(percent) ?? []), rateClassName(rateClass, locale)]);
  }
  return [...names].map(([percent, classes]) => ({
    value: percent,
    label: formatPercent(percent, locale),
    description: classes.join(', '),
  }));
}

function normalized(percent: string): string {
  try {
    return normalizePercent(percent);
  } catch {
    return percent;
  }
}

/**
 * One line of the draft: an item with quantity, unit, price, discount and VAT, or a text line
 * or heading with only its text. Server errors arrive by path (`lines.2.unit_price`).
 */
export function InvoiceLineEditor({
  line,
  index,
  count,
  errors,
  amount,
  isUnreadable,
  rateOptions,
  defaultRate,
  onChange,
  onMove,
  onRemove,
}: {
  line: LineValues;
  index: number;
  count: number;
  errors: FieldErrors;
  /** The line net as the preview computed it. */
  amount: Cents;
  isUnreadable: boolean;
  rateOptions: RateOption[];
  defaultRate: string;
  onChange(changes: Partial<LineValues>): void;
  onMove(offset: -1 | 1): void;
  onRemove(): void;
}) {
  const { t, locale } = useI18n();
  const error = (field: string) => errors[`lines.${index}.${field}`];
  const number = index + 1;
  const rate = normalized(line.vat_rate);
  const rates =
    line.vat_rate && !rateOptions.some((option) => option.value === rate)
      ? [...rateOptions, { value: rate, label: formatPercent(rate, locale), description: '' }]
      : rateOptions;
  const setCategory = (category: VatCategory) =>
    onChange({ vat_category: category, ...(category === 'S' && !line.vat_rate ? { vat_rate: defaultRate } : {}) });

  return (
    <Paper withBorder p="sm" data-testid="invoice-line" data-kind={line.kind} data-index={index}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Badge variant="outline" color="gray" size="sm">
              {number}. {t(`invoice.line.kind.${line.kind}`)}
            </Badge>
            {line.product_code && (
              <Text size="xs" c="dimmed" truncate>
                {line.product_code}
              </Text>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === 0}
              onClick={() => onMove(-1)}
              aria-label={t('invoice.line.move_up', { number })}
              data-testid="invoice-line-up"
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={t('invoice.line.move_down', { number })}
              data-testid="invoice-line-down"
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t('invoice.line.remove', { number })}
              data-testid="invoice-line-remove"
            >
              ✕
            </ActionIcon>
          </Group>
        </Group>
        {line.kind === 'item' ? (
          <Grid columns={24} gap="xs">
            <Grid.Col span={24}>
              <TextInput
                label={t('invoice.line.description')}
                value={line.description}
                error={error('description')}
                onChange={(event) => onChange({ description: event.currentTarget.value })}
                data-testid="invoice-line-description"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <TextInput
                label={t('invoice.line.quantity')}
                inputMode="decimal"
                value={line.quantity}
                error={error('quantity')}
                onChange={(event) => onChange({ quantity: event.currentTarget.value })}
                data-testid="invoice-line-quantity"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <Select
                label={t('invoice.line.unit')}
                data={unitOptions(locale)}
                value={line.unit_code}
                searchable
                allowDeselect={false}
                error={error('unit_code')}
                onChange={(value) => value && onChange({ unit_code: value })}
                comboboxProps={{ width: 240, position: 'bottom-start' }}
                data-testid="invoice-line-unit"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <TextInput
                label={t('invoice.line.unit_price')}
                inputMode="decimal"
                value={line.unit_price}
                error={error('unit_price')}
                onChange={(event) => onChange({ unit_price: event.currentTarget.value })}
                data-testid="invoice-line-unit-price"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <TextInput
                label={t('invoice.line.discount_percent')}
                inputMode="decimal"
                value={line.discount_percent}
                error={error('discount_percent') ?? error('discount_amount')}
                onChange={(event) => onChange({ discount_percent: event.currentTarget.value })}
                data-testid="invoice-line-discount"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8, lg: 4 }}>
              <Select
                label={t('invoice.line.vat_category')}
                data={VAT_CATEGORIES.map((value) => ({ value, label: vatCategoryLabel(t, value) }))}
                value={line.vat_category}
                allowDeselect={false}
                error={error('vat_category')}
                onChange={(value) => value && setCategory(value as VatCategory)}
                renderOption={({ option }) => (
                  <div>
                    <Text size="sm">{t(`vat_category.${option.value as VatCategory}`)}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`vat_category.${option.value as VatCategory}.help`)}
                    </Text>
                  </div>
                )}
                comboboxProps={{ width: 320, position: 'bottom-start' }}
                data-testid="invoice-line-vat-category"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8, lg: 3 }}>
              {line.vat_category === 'S' ? (
                <Select
                  label={t('invoice.line.vat_rate')}
                  data={rates.map(({ value, label }) => ({ value, label }))}
                  value={line.vat_rate ? rate : null}
                  allowDeselect={false}
                  error={error('vat_rate')}
                  onChange={(value) => value && onChange({ vat_rate: value })}
                  renderOption={({ option }) => (
                    <div>
                      <Text size="sm">{option.label}</Text>
                      <Text size="xs" c="dimmed">
                        {rates.find((candidate) => candidate.value === option.value)?.description}
                      </Text>
                    </div>
                  )}
                  comboboxProps={{ width: 240, position: 'bottom-start' }}
                  data-testid="invoice-line-vat-rate"
                />
              ) : (
                <TextInput
                  label={t('invoice.line.vat_rate')}
                  value={
                    line.vat_category === 'O'
                      ? t('invoice.line.vat_none')
                      : t('invoice.line.vat_fixed', { percent: formatPercent('0', locale) })
                  }
                  readOnly
                  variant="filled"
                  error={error('vat_rate')}
                  data-testid="invoice-line-vat-rate"
                />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 24, sm: 8, lg: 3 }}>
              <Stack gap={2} align="flex-end">
                <Text size="sm" fw={500}>
                  {t('invoice.line.total')}
                </Text>
                <Text
                  size="sm"
                  fw={600}
                  c={isUnreadable ? 'dimmed' : undefined}
                  title={isUnreadable ? t('invoice.line.unreadable') : undefined}
                  style={{ whiteSpace: 'nowrap', lineHeight: '36px' }}
                  data-testid="invoice-line-total"
                >
                  {isUnreadable ? t('invoice.none') : formatMoney(amount, locale)}
                </Text>
              </Stack>
            </Grid.Col>
          </Grid>
        ) : line.kind === 'text' ? (
          <Textarea
            label={t('invoice.line.text')}
            value={line.description}
            autosize
            minRows={2}
            error={error('description')}
            onChange={(event) => onChange({ description: event.currentTarget.value })}
            data-testid="invoice-line-description"
          />
        ) : (
          <TextInput
            label={t('invoice.line.heading')}
            value={line.description}
            fw={600}
            error={error('description')}
            onChange={(event) => onChange({ description: event.currentTarget.value })}
            data-testid="invoice-line-description"
          />
        )}
      </Stack>
    </Paper>
  );
}
