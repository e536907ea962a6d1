import {
  createProduct,
  type CreateProduct,
  type Product,
  tryProductMargin,
  updateProduct,
  type UpdateProduct,
  type VatCategory,
} from '@clientbox/contracts';
import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, validate } from '../../shared/ui/form-errors.ts';
import { decimalFromInput, formatUnitPriceLabel, priceInputValue, unitOptions } from './product-labels.ts';
import { useProductCategories, useVatRates } from './use-products.ts';
import { VatFields } from './vat-fields.tsx';

type TextField = 'code' | 'name' | 'revenue_account';

export interface ProductValues {
  code: string;
  name: string;
  description: string;
  unit_code: string;
  unit_price: string;
  purchase_price: string;
  vat_category: VatCategory;
  vat_rate_class: string;
  revenue_account: string;
  category: string;
  recurring_period: '' | 'month' | 'quarter' | 'year';
}

export const EMPTY_PRODUCT: ProductValues = {
  code: '',
  name: '',
  description: '',
  unit_code: 'C62',
  unit_price: '',
  purchase_price: '',
  vat_category: 'S',
  vat_rate_class: 'standard',
  revenue_account: '',
  category: '',
  recurring_period: '',
};

export function productValues(product: Product, locale: 'nl' | 'en'): ProductValues {
  return {
    code: product.code,
    name: product.name,
    description: product.description ?? '',
    unit_code: product.unit_code,
    unit_price: priceInputValue(product.unit_price, locale),
    purchase_price: priceInputValue(product.purchase_price, locale),
    vat_category: product.vat_category,
    vat_rate_class: product.vat_rate_class ?? 'standard',
    revenue_account: product.revenue_account ?? '',
    category: product.category ?? '',
    recurring_period: product.recurring_period ?? '',
  };
}

/** The request body: prices as decimal strings, the rate class only for category S. */
function toBody(values: ProductValues): CreateProduct {
  return {
    ...values,
    unit_price: decimalFromInput(values.unit_price),
    purchase_price: decimalFromInput(values.purchase_price),
    vat_rate_class: values.vat_category === 'S' ? values.vat_rate_class : null,
    recurring_period: values.recurring_period || null,
  } as CreateProduct;
}

/** Only what changed since `original`; the VAT pair travels together. */
function toChanges(values: ProductValues, original: ProductValues): Record<string, unknown> {
  const body = toBody(values) as Record<string, unknown>;
  const before = toBody(original) as Record<string, unknown>;
  const changes = Object.fromEntries(Object.entries(body).filter(([field, value]) => value !== before[field]));
  if ('vat_category' in changes || 'vat_rate_class' in changes) {
    changes.vat_category = body.vat_category;
    if (body.vat_category === 'S') changes.vat_rate_class = body.vat_rate_class;
    else delete changes.vat_rate_class;
  }
  return changes;
}

/**
 * The product form, for creating and for editing: checked with the same zod schema as the
 * server before sending; the margin follows the prices as they are typed.
 */
export function ProductForm({
  original,
  serverErrors,
  general,
  isBusy,
  submitLabel,
  onSubmit,
  children,
}: {
  /** The stored product's values when editing; absent when creating. */
  original?: ProductValues;
  serverErrors: FieldErrors;
  general: string | null;
  isBusy: boolean;
  submitLabel: string;
  onSubmit(body: CreateProduct | UpdateProduct): void;
  /** Further actions beside the submit button (archive, delete). */
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<ProductValues>(original ?? EMPTY_PRODUCT);
  const [checked, setChecked] = useState<FieldErrors>({});
  const rates = useVatRates().data?.data ?? [];
  const categories = useProductCategories().data?.data.map((category) => category.name) ?? [];
  const errors = { ...serverErrors, ...checked };
  const set = (changes: Partial<ProductValues>) => setValues((current) => ({ ...current, ...changes }));
  const margin = tryProductMargin(decimalFromInput(values.unit_price), decimalFromInput(values.purchase_price));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = original
      ? validate(updateProduct, toChanges(values, original), locale)
      : validate(createProduct, toBody(values), locale);
    setChecked(result.errors);
    if (result.data) onSubmit(result.data);
  };

  const text = (field: TextField, props: { required?: boolean; description?: string } = {}) => (
    <TextInput
      label={t(`product.${field}`)}
      value={values[field]}
      error={errors[field]}
      onChange={(event) => set({ [field]: event.currentTarget.value })}
      data-testid={`product-${field.replace('_', '-')}`}
      {...props}
    />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="product-form">
      <Stack>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('code', { required: true })}
          {text('name', { required: true })}
        </SimpleGrid>
        <Textarea
          label={t('product.description')}
          value={values.description}
          error={errors.description}
          autosize
          minRows={2}
          onChange={(event) => set({ description: event.currentTarget.value })}
          data-testid="product-description"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('product.unit')}
            data={unitOptions(locale)}
            value={values.unit_code}
            allowDeselect={false}
            searchable
            error={errors.unit_code}
            onChange={(value) => value && set({ unit_code: value })}
            data-testid="product-unit"
          />
          <TextInput
            label={t('product.unit_price')}
            description={t('product.price_hint')}
            inputMode="decimal"
            required
            value={values.unit_price}
            error={errors.unit_price}
            onChange={(event) => set({ unit_price: event.currentTarget.value })}
            data-testid="product-unit-price"
          />
          <TextInput
            label={t('product.purchase_price')}
            description={t('product.price_hint')}
            inputMode="decimal"
            value={values.purchase_price}
            error={errors.purchase_price}
            onChange={(event) => set({ purchase_price: event.currentTarget.value })}
            data-testid="product-purchase-price"
          />
        </SimpleGrid>
        <Paper withBorder p="xs" bg="gray.0">
          <Text size="sm" data-testid="product-margin" aria-live="polite">
            <Text span fw={600}>
              {t('product.margin')}:{' '}
            </Text>
            {margin
              ? t('product.margin_value', {
                  amount: formatUnitPriceLabel(margin.amount, locale),
                  percent:
                    margin.percent === null ? '–' : `${margin.percent.replace('.', locale === 'nl' ? ',' : '.')}%`,
                })
              : t('product.margin_none')}
          </Text>
        </Paper>
        <VatFields
          category={values.vat_category}
          rateClass={values.vat_rate_class}
          rates={rates}
          errors={errors}
          onChange={({ category, rateClass }) => set({ vat_category: category, vat_rate_class: rateClass })}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {text('revenue_account', { description: t('product.revenue_account_hint') })}
          <Autocomplete
            label={t('product.category')}
            data={categories}
            value={values.category}
            error={errors.category}
            onChange={(category) => set({ category })}
            data-testid="product-category"
          />
          <Select
            label={t('product.recurring_period')}
            data={[
              { value: '', label: t('product.one_off') },
              ...(['month', 'quarter', 'year'] as const).map((value) => ({
                value,
                label: t(`product.recurring.${value}`),
              })),
            ]}
            value={values.recurring_period}
            allowDeselect={false}
            error={errors.recurring_period}
            onChange={(value) => set({ recurring_period: (value ?? '') as ProductValues['recurring_period'] })}
            data-testid="product-recurring-period"
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={isBusy} data-testid="product-save">
            {submitLabel}
          </Button>
          {children}
        </Group>
      </Stack>
    </form>
  );
}
