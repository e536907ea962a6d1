import { type Cents, formatMoney, normalizePercent, VAT_CATEGORIES, type VatCategory } from '@clientbox/contracts';
import {
  ActionIcon,
  Badge,
  Checkbox,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';
import { formatPercent, unitOptions } from '../products/product-labels.ts';
import type { LineValues } from './document-draft-lines.ts';
import type { LinesKind } from './document-kind.ts';
import { vatCategoryLabel } from './document-labels.ts';
import type { RateOption } from './vat-rate-options.ts';

function normalized(percent: string): string {
  try {
    return normalizePercent(percent);
  } catch {
    return percent;
  }
}

/**
 * One line of the draft: an item with quantity, unit, price, discount and VAT (on a quote it may
 * be optional), or a text line or heading with only its text. Server errors arrive by path
 * (`lines.2.unit_price`).
 */
export function DocumentLineEditor({
  kind,
  line,
  index,
  count,
  errors,
  amount,
  isUnreadable,
  rateOptions,
  defaultRate,
  canBeOptional = false,
  onChange,
  onMove,
  onRemove,
}: {
  kind: LinesKind;
  line: LineValues;
  index: number;
  count: number;
  errors: FieldErrors;
  /** The line net as the preview computed it (also when the line is optional). */
  amount: Cents;
  isUnreadable: boolean;
  rateOptions: RateOption[];
  defaultRate: string;
  /** A quote's items can be optional: the customer ticks them or not. */
  canBeOptional?: boolean;
  onChange(changes: Partial<LineValues>): void;
  onMove(offset: -1 | 1): void;
  onRemove(): void;
}) {
  const { t, locale } = useI18n();
  const error = (field: string) => errors[`lines.${index}.${field}`];
  const testId = (part: string) => `${kind}-${part}`;
  const isOptional = canBeOptional && line.kind === 'item' && line.is_optional;
  const number = index + 1;
  const rate = normalized(line.vat_rate);
  const rates =
    line.vat_rate && !rateOptions.some((option) => option.value === rate)
      ? [...rateOptions, { value: rate, label: formatPercent(rate, locale), description: '' }]
      : rateOptions;
  const setCategory = (category: VatCategory) =>
    onChange({ vat_category: category, ...(category === 'S' && !line.vat_rate ? { vat_rate: defaultRate } : {}) });

  return (
    <Paper
      withBorder
      p="sm"
      data-testid={testId('line')}
      data-kind={line.kind}
      data-index={index}
      data-optional={isOptional}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Badge variant="outline" color="gray" size="sm" style={{ flexShrink: 0 }}>
              {number}. {t(`invoice.line.kind.${line.kind}`)}
            </Badge>
            {canBeOptional && line.kind === 'item' && (
              <Checkbox
                size="xs"
                label={t('quote.line.optional')}
                checked={line.is_optional}
                onChange={(event) => onChange({ is_optional: event.currentTarget.checked })}
                style={{ flexShrink: 0 }}
                data-testid={testId('line-optional')}
              />
            )}
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
              data-testid={testId('line-up')}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={t('invoice.line.move_down', { number })}
              data-testid={testId('line-down')}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t('invoice.line.remove', { number })}
              data-testid={testId('line-remove')}
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
                data-testid={testId('line-description')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <TextInput
                label={t('invoice.line.quantity')}
                inputMode="decimal"
                value={line.quantity}
                error={error('quantity')}
                onChange={(event) => onChange({ quantity: event.currentTarget.value })}
                data-testid={testId('line-quantity')}
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
                data-testid={testId('line-unit')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <TextInput
                label={t('invoice.line.unit_price')}
                inputMode="decimal"
                value={line.unit_price}
                error={error('unit_price')}
                onChange={(event) => onChange({ unit_price: event.currentTarget.value })}
                data-testid={testId('line-unit-price')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <TextInput
                label={t('invoice.line.discount_percent')}
                inputMode="decimal"
                value={line.discount_percent}
                error={error('discount_percent') ?? error('discount_amount')}
                onChange={(event) => onChange({ discount_percent: event.currentTarget.value })}
                data-testid={testId('line-discount')}
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
                data-testid={testId('line-vat-category')}
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
                  data-testid={testId('line-vat-rate')}
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
                  data-testid={testId('line-vat-rate')}
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
                  c={isUnreadable || isOptional ? 'dimmed' : undefined}
                  title={isUnreadable ? t('invoice.line.unreadable') : undefined}
                  style={{ whiteSpace: 'nowrap', lineHeight: '36px' }}
                  data-testid={testId('line-total')}
                >
                  {isUnreadable ? t('invoice.none') : formatMoney(amount, locale)}
                </Text>
              </Stack>
            </Grid.Col>
            {isOptional && (
              <Grid.Col span={24}>
                <Text size="xs" c="dimmed" ta="right" data-testid={testId('line-optional-hint')}>
                  {t('quote.line.optional_hint')}
                </Text>
              </Grid.Col>
            )}
          </Grid>
        ) : line.kind === 'text' ? (
          <Textarea
            label={t('invoice.line.text')}
            value={line.description}
            autosize
            minRows={2}
            error={error('description')}
            onChange={(event) => onChange({ description: event.currentTarget.value })}
            data-testid={testId('line-description')}
          />
        ) : (
          <TextInput
            label={t('invoice.line.heading')}
            value={line.description}
            fw={600}
            error={error('description')}
            onChange={(event) => onChange({ description: event.currentTarget.value })}
            data-testid={testId('line-description')}
          />
        )}
      </Stack>
    </Paper>
  );
}
