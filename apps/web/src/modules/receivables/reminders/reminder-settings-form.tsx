import {
  CHARGE_RULES,
  type ChargeRule,
  REMINDER_MODES,
  type ReminderSettings,
  updateReminderSettings,
} from '@clientbox/contracts';
import { Alert, Button, Group, Paper, Radio, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../../shared/ui/form-errors.ts';
import { ReminderLevelsEditor } from './reminder-levels-editor.tsx';
import { type SettingsValues, settingsBodyOf, settingsValuesOf } from './reminder-settings-values.ts';
import { useUpdateReminderSettings } from './use-reminders.ts';

/** The options of a choice, each with one line on what it means. */
function Choice<Value extends string>({
  label,
  options,
  value,
  error,
  onChange,
  testId,
}: {
  label: string;
  options: readonly { value: Value; label: string; hint: string }[];
  value: Value;
  error?: string;
  onChange(value: Value): void;
  testId: string;
}) {
  return (
    <Radio.Group label={label} value={value} error={error} onChange={(next) => onChange(next as Value)}>
      <Stack gap="xs" mt={6}>
        {options.map((option) => (
          <Radio
            key={option.value}
            value={option.value}
            label={option.label}
            description={option.hint}
            data-testid={`${testId}-${option.value}`}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/**
 * The reminder schedule: sent by the daily job or reviewed first, which charges the letters state
 * (none, the law, or the tenant's own clause), whether those are invoiced, and the letters.
 */
export function ReminderSettingsForm({ settings }: { settings: ReminderSettings }) {
  const { t, locale } = useI18n();
  const update = useUpdateReminderSettings();
  const [values, setValues] = useState<SettingsValues>(() => settingsValuesOf(settings, locale));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const set = (change: Partial<SettingsValues>) => setValues((current) => ({ ...current, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const checked = validate(updateReminderSettings, settingsBodyOf(values), locale, { keepIndexes: true });
    setErrors(checked.errors);
    if (!checked.data) return;
    try {
      const saved = await update.mutateAsync(checked.data);
      setValues(settingsValuesOf(saved, locale));
      notifications.show({ color: 'green', message: t('reminders.settings_saved') });
    } catch (error) {
      const problem = serverErrors(error, locale, { keepIndexes: true });
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  const clauseError = (name: string) => errors[`clause.${name}`];
  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="reminder-settings-form">
        <Stack>
          <Choice
            label={t('reminders.mode')}
            value={values.mode}
            error={errors.mode}
            onChange={(mode) => set({ mode })}
            options={REMINDER_MODES.map((mode) => ({
              value: mode,
              label: t(`reminders.mode.${mode}`),
              hint: t(`reminders.mode.${mode}_hint`),
            }))}
            testId="reminder-settings-mode"
          />
          <Choice<ChargeRule>
            label={t('reminders.charges')}
            value={values.charges}
            error={errors.charges}
            onChange={(charges) => set({ charges })}
            options={CHARGE_RULES.map((rule) => ({
              value: rule,
              label: t(`reminders.charges.${rule}`),
              hint: t(`reminders.charges.${rule}_hint`),
            }))}
            testId="reminder-settings-charges"
          />
          {values.charges === 'clause' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" data-testid="reminder-settings-clause">
              <TextInput
                label={t('reminders.clause.interest')}
                value={values.interest_percent}
                error={clauseError('interest_percent_per_started_month')}
                inputMode="decimal"
                onChange={(event) => set({ interest_percent: event.currentTarget.value })}
                data-testid="reminder-settings-clause-interest"
              />
              <TextInput
                label={t('reminders.clause.costs_percent')}
                value={values.costs_percent}
                error={clauseError('costs_percent')}
                inputMode="decimal"
                onChange={(event) => set({ costs_percent: event.currentTarget.value })}
                data-testid="reminder-settings-clause-costs-percent"
              />
              <TextInput
                label={t('reminders.clause.costs_minimum')}
                value={values.costs_minimum}
                error={clauseError('costs_minimum')}
                inputMode="decimal"
                onChange={(event) => set({ costs_minimum: event.currentTarget.value })}
                data-testid="reminder-settings-clause-costs-minimum"
              />
            </SimpleGrid>
          )}
          <Switch
            label={t('reminders.invoice_charges')}
            description={t('reminders.invoice_charges_hint')}
            checked={values.invoice_charges}
            disabled={values.charges === 'none'}
            onChange={(event) => set({ invoice_charges: event.currentTarget.checked })}
            data-testid="reminder-settings-invoice-charges"
          />
          <TextInput
            label={t('reminders.failed_collection_fee')}
            description={t('reminders.failed_collection_fee_hint')}
            value={values.failed_collection_fee}
            error={errors.failed_collection_fee}
            inputMode="decimal"
            maw={260}
            onChange={(event) => set({ failed_collection_fee: event.currentTarget.value })}
            data-testid="reminder-settings-failed-collection-fee"
          />
          <ReminderLevelsEditor levels={values.levels} errors={errors} onChange={(levels) => set({ levels })} />
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={update.isPending} data-testid="reminder-settings-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
