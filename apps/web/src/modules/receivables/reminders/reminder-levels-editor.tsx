import { REMINDER_KINDS, type ReminderKind } from '@clientbox/contracts';
import { Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../../shared/ui/form-errors.ts';
import { type LevelValues, levelKey, MAX_LEVELS } from './reminder-settings-values.ts';

/**
 * The letters of the schedule, in order: on which day after the due date each goes, whether it
 * is a reminder or the final notice, and whether it states the charges. Errors come per field
 * (`levels.1.days_after_due`) and for the whole list (`levels`: not ascending, too many).
 */
export function ReminderLevelsEditor({
  levels,
  errors,
  onChange,
}: {
  levels: LevelValues[];
  errors: FieldErrors;
  onChange(levels: LevelValues[]): void;
}) {
  const { t } = useI18n();
  const update = (index: number, change: Partial<LevelValues>) =>
    onChange(levels.map((level, i) => (i === index ? { ...level, ...change } : level)));
  const last = levels[levels.length - 1];
  const add = () =>
    onChange([
      ...levels,
      {
        key: levelKey(),
        days_after_due: Math.min(365, (typeof last?.days_after_due === 'number' ? last.days_after_due : 0) + 14),
        kind: 'reminder',
        include_charges: false,
      },
    ]);
  return (
    <Stack gap="xs" data-testid="reminder-levels">
      <div>
        <Text size="sm" fw={500}>
          {t('reminders.levels')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('reminders.levels_hint')}
        </Text>
      </div>
      {levels.map((level, index) => {
        const field = (name: string) => errors[`levels.${index}.${name}`];
        return (
          <Paper key={level.key} withBorder p="sm" data-testid="reminder-level">
            <Group justify="space-between" gap="xs" mb={4}>
              <Text size="sm" fw={600}>
                {t('reminders.level_title', { level: index + 1 })}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                disabled={levels.length <= 1}
                onClick={() => onChange(levels.filter((_, i) => i !== index))}
                aria-label={t('reminders.level.remove', { level: index + 1 })}
                data-testid="reminder-level-remove"
              >
                ✕
              </Button>
            </Group>
            <Group gap="sm" align="flex-start" wrap="wrap">
              <NumberInput
                label={t('reminders.level.days')}
                value={level.days_after_due}
                min={1}
                max={365}
                allowDecimal={false}
                allowNegative={false}
                error={field('days_after_due')}
                onChange={(value) => update(index, { days_after_due: typeof value === 'number' ? value : '' })}
                w={{ base: '100%', xs: 170 }}
                data-testid="reminder-level-days"
              />
              <Select
                label={t('reminders.level.kind')}
                data={REMINDER_KINDS.map((kind) => ({ value: kind, label: t(`reminders.level.kind.${kind}`) }))}
                value={level.kind}
                allowDeselect={false}
                error={field('kind')}
                onChange={(value) => value && update(index, { kind: value as ReminderKind })}
                w={{ base: '100%', xs: 170 }}
                data-testid="reminder-level-kind"
              />
              <Checkbox
                label={t('reminders.level.include_charges')}
                checked={level.include_charges}
                onChange={(event) => update(index, { include_charges: event.currentTarget.checked })}
                mt={{ base: 0, xs: 30 }}
                data-testid="reminder-level-include-charges"
              />
            </Group>
          </Paper>
        );
      })}
      {errors.levels && (
        <Text size="sm" c="red" role="alert" data-testid="reminder-levels-error">
          {errors.levels}
        </Text>
      )}
      <Button
        variant="default"
        size="xs"
        onClick={add}
        disabled={levels.length >= MAX_LEVELS}
        style={{ alignSelf: 'flex-start' }}
        data-testid="reminder-level-add"
      >
        {t('reminders.level.add')}
      </Button>
    </Stack>
  );
}
