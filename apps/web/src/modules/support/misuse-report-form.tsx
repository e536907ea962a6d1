import { reportMisuse } from '@clientbox/contracts';
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useOperatorIdentity } from '../../app/operator-identity.tsx';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { useReportMisuse } from './use-support.ts';

/** Terms art. 7: every member can tell the operator's helpdesk that a login is being misused. */
export function MisuseReportForm() {
  const { t, locale } = useI18n();
  const operator = useOperatorIdentity().data?.name ?? '';
  const report = useReportMisuse();
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [isSent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    setSent(false);
    const checked = validate(reportMisuse, { description }, locale);
    setErrors(checked.errors);
    if (!checked.data) return;
    try {
      await report.mutateAsync(checked.data);
      setSent(true);
      setDescription('');
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="xs">
        {t('misuse.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('misuse.intro', { operator })}
      </Text>
      <form onSubmit={submit} noValidate data-testid="misuse-form">
        <Stack maw={620}>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          {isSent && (
            <Alert color="green" data-testid="misuse-sent">
              {t('misuse.sent')}
            </Alert>
          )}
          <Textarea
            label={t('misuse.description')}
            autosize
            minRows={3}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
            data-testid="misuse-description"
          />
          <Group>
            <Button type="submit" variant="default" loading={report.isPending} data-testid="misuse-submit">
              {t('misuse.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
