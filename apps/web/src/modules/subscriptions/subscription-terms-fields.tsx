import type { BillingTiming, InvoiceDateRule, SubscriptionPaymentMethod } from '@clientbox/contracts';
import { SUBSCRIPTION_PAYMENT_METHODS } from '@clientbox/contracts';
import { Alert, Checkbox, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';
import { INVOICE_DATE_RULES_OF, type SubscriptionTermsValues } from './subscription-form-values.ts';
import { useActiveMandates } from './use-subscriptions.ts';

/** A direct debit needs one of the customer's active mandates (kept by receivables). */
function MandateSelect({
  customerId,
  value,
  error,
  onChange,
}: {
  customerId: string | null;
  value: string | null;
  error?: string;
  onChange(mandateId: string | null): void;
}) {
  const { t } = useI18n();
  const mandates = useActiveMandates(customerId);
  const options = (mandates.data?.data ?? []).map((mandate) => ({
    value: mandate.id,
    label: `${mandate.mandate_id}${mandate.iban ? ` · ${mandate.iban}` : ''}`,
  }));
  if (!customerId)
    return (
      <Alert color="gray" data-testid="subscription-mandate-no-customer">
        {t('subscriptions.field.mandate_pick_customer')}
      </Alert>
    );
  if (mandates.isSuccess && options.length === 0)
    return (
      <Alert color="orange" data-testid="subscription-mandate-none">
        {t('subscriptions.field.mandate_none')}
        {error && <div style={{ color: 'var(--mantine-color-red-7)' }}>{error}</div>}
      </Alert>
    );
  return (
    <Select
      label={t('subscriptions.field.mandate')}
      data={options}
      value={value}
      error={error}
      disabled={!mandates.isSuccess}
      allowDeselect={false}
      onChange={onChange}
      comboboxProps={{ withinPortal: true }}
      data-testid="subscription-mandate"
    />
  );
}

/**
 * When the invoice is made (the rules of the chosen billing), notice period, how it is paid
 * (transfer or direct debit with a mandate), payment term, one invoice with the customer's other
 * subscriptions, buyer reference and a note on the invoice.
 */
export function SubscriptionTermsFields({
  billing,
  customerId,
  values,
  errors,
  onChange,
}: {
  billing: BillingTiming;
  customerId: string | null;
  values: SubscriptionTermsValues;
  errors: FieldErrors;
  onChange(changes: Partial<SubscriptionTermsValues>): void;
}) {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <Radio.Group
        label={t('subscriptions.field.invoice_date_rule')}
        value={values.invoice_date_rule}
        error={errors.invoice_date_rule}
        onChange={(rule) => onChange({ invoice_date_rule: rule as InvoiceDateRule })}
        data-testid="subscription-invoice-date-rule"
      >
        <Stack gap="xs" mt={6}>
          {INVOICE_DATE_RULES_OF[billing].map((rule) => (
            <Radio
              key={rule}
              value={rule}
              label={t(`subscriptions.invoice_date_rule.${rule}`)}
              data-testid={`subscription-invoice-date-rule-${rule}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      {values.invoice_date_rule === 'days_before' && (
        <TextInput
          label={t('subscriptions.field.invoice_days_before')}
          inputMode="numeric"
          maw={220}
          value={values.invoice_days_before}
          error={errors.invoice_days_before}
          onChange={(event) => onChange({ invoice_days_before: event.currentTarget.value })}
          data-testid="subscription-invoice-days-before"
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('subscriptions.field.notice_period_months')}
          description={t('subscriptions.field.notice_period_hint')}
          inputMode="numeric"
          value={values.notice_period_months}
          error={errors.notice_period_months}
          onChange={(event) => onChange({ notice_period_months: event.currentTarget.value })}
          data-testid="subscription-notice-period"
        />
        <TextInput
          label={t('subscriptions.field.payment_term_days')}
          description={t('subscriptions.field.payment_term_hint')}
          inputMode="numeric"
          value={values.payment_term_days}
          error={errors.payment_term_days}
          onChange={(event) => onChange({ payment_term_days: event.currentTarget.value })}
          data-testid="subscription-payment-term"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('subscriptions.field.payment_method')}
          data={SUBSCRIPTION_PAYMENT_METHODS.map((method) => ({
            value: method,
            label: t(`subscriptions.payment_method.${method}`),
          }))}
          value={values.payment_method}
          error={errors.payment_method}
          allowDeselect={false}
          onChange={(method) => method && onChange({ payment_method: method as SubscriptionPaymentMethod })}
          comboboxProps={{ withinPortal: true }}
          data-testid="subscription-payment-method"
        />
        {values.payment_method === 'direct_debit' && (
          <MandateSelect
            customerId={customerId}
            value={values.mandate_id}
            error={errors.mandate_id}
            onChange={(mandate_id) => onChange({ mandate_id })}
          />
        )}
      </SimpleGrid>
      <Checkbox
        label={t('subscriptions.field.group_invoices')}
        description={t('subscriptions.field.group_invoices_hint')}
        checked={values.group_invoices}
        onChange={(event) => onChange({ group_invoices: event.currentTarget.checked })}
        data-testid="subscription-group-invoices"
      />
      <TextInput
        label={t('subscriptions.field.buyer_reference')}
        description={t('subscriptions.field.buyer_reference_hint')}
        value={values.buyer_reference}
        error={errors.buyer_reference}
        onChange={(event) => onChange({ buyer_reference: event.currentTarget.value })}
        data-testid="subscription-buyer-reference"
      />
      <Textarea
        label={t('subscriptions.field.invoice_note')}
        autosize
        minRows={2}
        value={values.invoice_note}
        error={errors.invoice_note}
        onChange={(event) => onChange({ invoice_note: event.currentTarget.value })}
        data-testid="subscription-invoice-note"
      />
    </Stack>
  );
}
