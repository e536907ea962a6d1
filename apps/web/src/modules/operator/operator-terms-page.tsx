import { publishTerms } from '@clientbox/contracts';
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../shared/api/api-client.ts';
import { formatDate, formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { useConsoleTerms, useOperatorMe, usePublishTerms } from './use-operator.ts';

/** Terms art. 3: the published versions, and publishing a new one (every owner is e-mailed). */
export function OperatorTermsPage() {
  const { t, locale } = useI18n();
  const terms = useConsoleTerms();
  const isAdmin = useOperatorMe().data?.role === 'admin';
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  const inForce = terms.data?.find((version) => version.effective_from <= today)?.version;

  return (
    <Stack maw={1000}>
      <Title order={2}>{t('console.terms.title')}</Title>
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h5" mb="xs">
          {t('console.terms.versions')}
        </Title>
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={4} fz="sm" data-testid="console-terms-versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.terms.version')}</Table.Th>
                <Table.Th>{t('console.terms.effective_from')}</Table.Th>
                <Table.Th>{t('console.terms.published_at')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {terms.data?.map((version) => (
                <Table.Tr key={version.version}>
                  <Table.Td>{version.version}</Table.Td>
                  <Table.Td>{formatDate(version.effective_from, locale)}</Table.Td>
                  <Table.Td>{formatDateTime(version.published_at, locale)}</Table.Td>
                  <Table.Td>
                    {version.version === inForce ? (
                      <Badge color="green">{t('console.terms.in_force')}</Badge>
                    ) : version.effective_from > today ? (
                      <Badge color="blue">{t('console.terms.upcoming')}</Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {isAdmin && <PublishTermsForm />}
    </Stack>
  );
}

function PublishTermsForm() {
  const { t, locale } = useI18n();
  const publish = usePublishTerms();
  const [values, setValues] = useState({ version: '', effective_from: '', body: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [result, setResult] = useState<{ version: string; notified_owners: number } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    setResult(null);
    const checked = validate(publishTerms, values, locale);
    setErrors(checked.errors);
    if (!checked.data) return;
    try {
      setResult(await publish.mutateAsync(checked.data));
      setValues({ version: '', effective_from: '', body: '' });
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(
        error instanceof ApiError && error.problem.code === 'conflict' ? t('console.terms.exists') : problem.general,
      );
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="xs">
        {t('console.terms.publish')}
      </Title>
      <Text size="sm" mb="sm">
        {t('console.terms.publish_note')}
      </Text>
      <form onSubmit={submit} noValidate data-testid="console-terms-form">
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          {result && (
            <Alert color="green" data-testid="console-terms-result">
              {t('console.terms.published', { version: result.version, count: result.notified_owners })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('console.terms.version')}
              placeholder="2027-1"
              value={values.version}
              onChange={(event) => setValues({ ...values, version: event.currentTarget.value })}
              error={errors.version}
              data-testid="console-terms-version"
            />
            <TextInput
              type="date"
              label={t('console.terms.effective_from')}
              value={values.effective_from}
              onChange={(event) => setValues({ ...values, effective_from: event.currentTarget.value })}
              error={errors.effective_from}
              data-testid="console-terms-effective-from"
            />
          </SimpleGrid>
          <Textarea
            label={t('console.terms.text')}
            autosize
            minRows={8}
            maxRows={24}
            value={values.body}
            onChange={(event) => setValues({ ...values, body: event.currentTarget.value })}
            error={errors.body}
            data-testid="console-terms-body"
          />
          <Group>
            <Button type="submit" loading={publish.isPending} data-testid="console-terms-submit">
              {t('console.terms.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
