import { BILLING_TIMINGS, type BillingTiming, PERIOD_ALIGNMENTS, type PeriodAlignment } from '@clientbox/contracts';
import { Group, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';
import { INVOICE_DATE_RULES_OF, type IntervalChoice, type SubscriptionFormValues } from './subscription-form-values.ts';

const INTERVALS: readonly IntervalChoice[] = ['1', '3', '12', 'custom'];

/**
 * How often and from when: the interval (month, quarter, year or every N months), invoiced in
 * advance or in arrears, periods from the start date or along the calendar, start and end date.
 */
export function SubscriptionScheduleFields({
  values,
  errors,
  onChange,
}: {
  values: SubscriptionFormValues;
  errors: FieldErrors;
  onChange(changes: Partial<SubscriptionFormValues>): void;
}) {
  const { t } = useI18n();
  // The invoice date rule follows the choice: each timing has its own two rules.
  const setBilling = (billing: BillingTiming) =>
    onChange({ billing, invoice_date_rule: INVOICE_DATE_RULES_OF[billing][0]! });
  return (
    <Stack gap="md">
      <Radio.Group
        label={t('subscriptions.field.interval')}
        value={values.interval}
        error={errors.interval_months}
        onChange={(interval) => onChange({ interval: interval as IntervalChoice })}
      >
        <Group gap="md" mt={6} align="center">
          {INTERVALS.map((interval) => (
            <Radio
              key={interval}
              value={interval}
              label={t(`subscriptions.interval_choice.${interval}`)}
              data-testid={`subscription-interval-${interval}`}
            />
          ))}
          {values.interval === 'custom' && (
            <TextInput
              aria-label={t('subscriptions.field.custom_months')}
              inputMode="numeric"
              w={90}
              value={values.custom_months}
              rightSection={t('subscriptions.months_short')}
              rightSectionWidth={50}
              onChange={(event) => onChange({ custom_months: event.currentTarget.value })}
              data-testid="subscription-interval-months"
            />
          )}
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Radio.Group
          label={t('subscriptions.field.billing')}
          value={values.billing}
          error={errors.billing}
          onChange={(billing) => setBilling(billing as BillingTiming)}
        >
          <Stack gap="xs" mt={6}>
            {BILLING_TIMINGS.map((billing) => (
              <Radio
                key={billing}
                value={billing}
                label={t(`subscriptions.billing_timing.${billing}`)}
                description={t(`subscriptions.billing_timing.${billing}.hint`)}
                data-testid={`subscription-billing-${billing}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          label={t('subscriptions.field.alignment')}
          value={values.alignment}
          error={errors.alignment}
          onChange={(alignment) => onChange({ alignment: alignment as PeriodAlignment })}
        >
          <Stack gap="xs" mt={6}>
            {PERIOD_ALIGNMENTS.map((alignment) => (
              <Radio
                key={alignment}
                value={alignment}
                label={t(`subscriptions.alignment.${alignment}`)}
                description={t(`subscriptions.alignment.${alignment}.hint`)}
                data-testid={`subscription-alignment-${alignment}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          type="date"
          label={t('subscriptions.field.start_date')}
          value={values.start_date}
          error={errors.start_date}
          onChange={(event) => onChange({ start_date: event.currentTarget.value })}
          data-testid="subscription-start-date"
        />
        <TextInput
          type="date"
          label={t('subscriptions.field.end_date')}
          description={t('subscriptions.field.end_date_hint')}
          value={values.end_date}
          error={errors.end_date}
          onChange={(event) => onChange({ end_date: event.currentTarget.value })}
          data-testid="subscription-end-date"
        />
      </SimpleGrid>
    </Stack>
  );
}
