import { amsterdamDate, type DatedVatRate, VAT_CATEGORIES, type VatCategory } from '@clientbox/contracts';
import { Select, Stack, Text } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { rateClassName, rateClassOptions } from './product-labels.ts';

/**
 * VAT category (UBL S, Z, E, AE, K, G, O, each with what it means) and, for S, the rate class:
 * a product keeps the class, so a dated change of its percentage needs no edit here.
 */
export function VatFields({
  category,
  rateClass,
  rates,
  errors,
  isReadOnly,
  onChange,
}: {
  category: VatCategory;
  rateClass: string;
  rates: readonly DatedVatRate[];
  errors: { vat_category?: string | undefined; vat_rate_class?: string | undefined; vat_rate?: string | undefined };
  isReadOnly?: boolean;
  onChange(next: { category: VatCategory; rateClass: string }): void;
}) {
  const { t, locale } = useI18n();
  const today = amsterdamDate();
  const options = rateClassOptions(rates, today, locale);
  // Until the rates are loaded (or for a class without a rate today), the stored class still shows.
  const classOptions =
    rateClass && !options.some((option) => option.value === rateClass)
      ? [...options, { value: rateClass, label: rateClassName(rateClass, locale) }]
      : options;
  return (
    <Stack gap="xs">
      <Select
        label={t('product.vat_category')}
        data={VAT_CATEGORIES.map((value) => ({ value, label: t(`vat_category.${value}`) }))}
        value={category}
        allowDeselect={false}
        readOnly={isReadOnly}
        error={errors.vat_category}
        description={t(`vat_category.${category}.help`)}
        onChange={(value) => value && onChange({ category: value as VatCategory, rateClass })}
        renderOption={({ option }) => (
          <div>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {t(`vat_category.${option.value as VatCategory}.help`)}
            </Text>
          </div>
        )}
        comboboxProps={{ width: 'target' }}
        data-testid="product-vat-category"
      />
      {category === 'S' ? (
        <Select
          label={t('product.vat_rate_class')}
          data={classOptions}
          value={rateClass || 'standard'}
          allowDeselect={false}
          readOnly={isReadOnly}
          error={errors.vat_rate_class ?? errors.vat_rate}
          onChange={(value) => value && onChange({ category, rateClass: value })}
          data-testid="product-vat-rate-class"
        />
      ) : (
        <Text size="sm" c="dimmed" data-testid="product-vat-fixed">
          {category === 'O' ? t('product.vat_no_rate') : t('product.vat_rate_today', { percent: '0%' })}
        </Text>
      )}
    </Stack>
  );
}
