import { grantSupportAccess } from '@clientbox/contracts';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { type SupportStaffMember, useGrantSupportAccess } from './use-support.ts';

type Unit = 'hours' | 'days';
const HOURS_PER: Record<Unit, number> = { hours: 1, days: 24 };

const EMPTY = { operator_user_id: '', access: 'read' as 'read' | 'write', reason: '', amount: 1 as number | string };

/** Lets one listed staff member in, read-only or with write rights, for a reason and at most 30 days. */
export function GrantSupportForm({ staff }: { staff: SupportStaffMember[] }) {
  const { t, locale } = useI18n();
  const grant = useGrantSupportAccess();
  const [values, setValues] = useState(EMPTY);
  const [unit, setUnit] = useState<Unit>('days');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    setResult(null);
    const hours = typeof values.amount === 'number' ? values.amount * HOURS_PER[unit] : null;
    const checked = validate(
      grantSupportAccess,
      { operator_user_id: values.operator_user_id, access: values.access, reason: values.reason, hours },
      locale,
    );
    // An empty duration is not "the default of a day": the admin chooses how long.
    if (hours === null) checked.errors.hours = t('error.required');
    setErrors(checked.errors);
    if (!checked.data || hours === null) return;
    try {
      const granted = await grant.mutateAsync(checked.data);
      setResult(
        t('support.granted', { name: granted.operator.name, date: formatDateTime(granted.expires_at, locale) }),
      );
      setValues(EMPTY);
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="sm">
        {t('support.grant_title')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="support-grant-form">
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          {result && (
            <Alert color="green" data-testid="support-grant-result">
              {result}
            </Alert>
          )}
          <NativeSelect
            label={t('support.staff_member')}
            data={[{ value: '', label: '—' }, ...staff.map((member) => ({ value: member.id, label: member.name }))]}
            value={values.operator_user_id}
            onChange={(event) => setValues({ ...values, operator_user_id: event.currentTarget.value })}
            error={errors.operator_user_id}
            data-testid="support-grant-staff"
          />
          <Radio.Group
            label={t('support.access')}
            description={t('support.access_hint')}
            value={values.access}
            onChange={(access) => setValues({ ...values, access: access as 'read' | 'write' })}
            error={errors.access}
          >
            <Group mt={4}>
              <Radio value="read" label={t('support_access.read')} data-testid="support-grant-access-read" />
              <Radio value="write" label={t('support_access.write')} data-testid="support-grant-access-write" />
            </Group>
          </Radio.Group>
          <Textarea
            label={t('support.reason')}
            description={t('support.reason_hint')}
            autosize
            minRows={2}
            value={values.reason}
            onChange={(event) => setValues({ ...values, reason: event.currentTarget.value })}
            error={errors.reason}
            data-testid="support-grant-reason"
          />
          <Group align="flex-start" gap="sm" wrap="nowrap" maw={360}>
            <NumberInput
              label={t('support.duration')}
              min={1}
              max={unit === 'days' ? 30 : 720}
              allowDecimal={false}
              value={values.amount}
              onChange={(amount) => setValues({ ...values, amount })}
              error={errors.hours}
              data-testid="support-grant-duration"
            />
            <NativeSelect
              label={t('support.unit')}
              data={[
                { value: 'hours', label: t('support.unit.hours') },
                { value: 'days', label: t('support.unit.days') },
              ]}
              value={unit}
              onChange={(event) => setUnit(event.currentTarget.value as Unit)}
              data-testid="support-grant-unit"
            />
          </Group>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('support.duration_hint')}
          </Text>
          <Group>
            <Button type="submit" loading={grant.isPending} data-testid="support-grant-submit">
              {t('support.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
