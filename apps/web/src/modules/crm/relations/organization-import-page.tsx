import {
  type FieldError,
  ORGANIZATION_IMPORT_FIELDS,
  type OrganizationImportField,
  type OrganizationImportMapping,
  type OrganizationImportMode,
  type OrganizationImportPreview,
  type OrganizationImportResult,
  type OrganizationImportRowError,
} from '@clientbox/contracts';
import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../../shared/api/api-client.ts';
import { hasMessage, type Locale, translate, useI18n } from '../../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/nl.ts';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { useCommitOrganizationImport, usePreviewOrganizationImport } from './use-relations.ts';

const FIELD_LABEL: Record<OrganizationImportField, MessageKey> = {
  name: 'relations.field.name',
  trading_name: 'relations.field.trading_name',
  kvk_number: 'relations.field.kvk_number',
  vat_number: 'relations.field.vat_number',
  iban: 'relations.field.iban',
  bic: 'relations.field.bic',
  email: 'organization_import.field.email',
  phone: 'organization_import.field.phone',
  street: 'relations.street',
  postal_code: 'relations.postal_code',
  city: 'relations.city',
  country: 'relations.country',
  is_customer: 'relations.field.is_customer',
  is_supplier: 'relations.field.is_supplier',
  website: 'relations.field.website',
};

function errorText(locale: Locale, error: FieldError): string {
  const key = `error.${error.code}`;
  return hasMessage(key) ? translate(locale, key) : error.message;
}

/** A refused all-or-nothing import lists `rows.<line>.<field>`: back to rows, as the preview shows them. */
function rowsOfProblem(errors: FieldError[]): OrganizationImportRowError[] {
  const byLine = new Map<number, FieldError[]>();
  for (const error of errors) {
    const match = /^rows\.(\d+)\.(.+)$/.exec(error.field);
    if (!match) continue;
    const line = Number(match[1]);
    byLine.set(line, [...(byLine.get(line) ?? []), { ...error, field: match[2]! }]);
  }
  return [...byLine].map(([line, rowErrors]) => ({ line, name: null, errors: rowErrors }));
}

function RowErrors({ rows }: { rows: OrganizationImportRowError[] }) {
  const { t, locale } = useI18n();
  if (rows.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('organization_import.errors_title')}
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table striped verticalSpacing={4} fz="sm" data-testid="organization-import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organization_import.line')}</Table.Th>
              <Table.Th>{t('relations.field.name')}</Table.Th>
              <Table.Th>{t('organization_import.field')}</Table.Th>
              <Table.Th>{t('organization_import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.flatMap((row) =>
              row.errors.map((error, index) => (
                <Table.Tr key={`${row.line}-${index}`} data-testid="organization-import-error-row">
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>{row.name ?? ''}</Table.Td>
                  <Table.Td>
                    {error.field in FIELD_LABEL ? t(FIELD_LABEL[error.field as OrganizationImportField]) : error.field}
                  </Table.Td>
                  <Table.Td>{errorText(locale, error)}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** `/crm/organizations/import`: choose a CSV, match its columns, see the bad rows, then import. */
export function OrganizationImportPage() {
  const { t, locale } = useI18n();
  const preview = usePreviewOrganizationImport();
  const commit = useCommitOrganizationImport();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<OrganizationImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [mode, setMode] = useState<OrganizationImportMode>('all_or_nothing');
  const [result, setResult] = useState<OrganizationImportResult | null>(null);
  const [refused, setRefused] = useState<OrganizationImportRowError[] | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const isComplete = Boolean(mapping.name);

  const check = async (chosen: File, chosenMapping: OrganizationImportMapping | null) => {
    setGeneral(null);
    setResult(null);
    setRefused(null);
    try {
      const next = await preview.mutateAsync({ file: chosen, mapping: chosenMapping });
      setReport(next);
      setMapping(next.mapping);
    } catch (error) {
      const problem = serverErrors(error, locale);
      setGeneral(problem.general ?? Object.values(problem.fields)[0] ?? t('error.generic'));
    }
  };

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    if (chosen) void check(chosen, null);
  };

  const changeMapping = (field: OrganizationImportField, column: string | null) => {
    const next = { ...mapping, [field]: column || null };
    setMapping(next);
    if (file && next.name) void check(file, next);
  };

  const run = async () => {
    if (!file) return;
    setGeneral(null);
    setRefused(null);
    try {
      setResult(await commit.mutateAsync({ file, mapping: mapping as OrganizationImportMapping, mode }));
    } catch (error) {
      if (error instanceof ApiError && error.problem.code === 'organization_import_failed') {
        setRefused(rowsOfProblem(error.problem.errors ?? []));
        return;
      }
      setGeneral(serverErrors(error, locale).general);
    }
  };

  const columnOptions = [
    { value: '', label: t('organization_import.skip') },
    ...(report?.columns.map((column) => ({ value: column.name, label: column.name })) ?? []),
  ];
  const samplesOf = (column: string | null | undefined) =>
    report?.columns.find((candidate) => candidate.name === column)?.samples.join(', ') ?? '';
  const fileButton = (label: MessageKey, testId: string, variant: 'default' | 'filled') => (
    <FileButton onChange={choose} accept=".csv,text/csv,text/plain">
      {(props) => (
        <Button variant={variant} loading={preview.isPending && !report} {...props} data-testid={testId}>
          {t(label)}
        </Button>
      )}
    </FileButton>
  );

  return (
    <Stack maw={900} data-testid="organization-import-page">
      <Anchor component={Link} to="/crm/organizations" size="sm">
        ← {t('organization_import.back')}
      </Anchor>
      <Title order={2}>{t('organization_import.title')}</Title>
      <Text size="sm">{t('organization_import.intro')}</Text>
      <Group>
        {fileButton('organization_import.choose', 'organization-import-file', 'default')}
        {file && <Text size="sm">{file.name}</Text>}
      </Group>
      {general && (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      )}

      {report && !result && (
        <>
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">
              {t('organization_import.mapping')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="organization-import-mapping">
              {ORGANIZATION_IMPORT_FIELDS.map((field) => (
                <Select
                  key={field}
                  label={t(FIELD_LABEL[field])}
                  required={field === 'name'}
                  data={columnOptions}
                  value={mapping[field] ?? ''}
                  allowDeselect={false}
                  description={
                    mapping[field]
                      ? t('organization_import.samples', { samples: samplesOf(mapping[field]) })
                      : undefined
                  }
                  onChange={(column) => changeMapping(field, column)}
                  data-testid={`organization-import-map-${field}`}
                />
              ))}
            </SimpleGrid>
          </Paper>
          {!isComplete ? (
            <Alert color="yellow">{t('organization_import.mapping_incomplete')}</Alert>
          ) : (
            <Text data-testid="organization-import-summary">
              {t('organization_import.summary', {
                total: report.total_rows,
                create: report.to_create,
                errors: report.errors.length,
              })}
            </Text>
          )}
          <RowErrors rows={report.errors} />
          {isComplete && (
            <Stack gap="sm">
              {report.errors.length > 0 && (
                <Radio.Group
                  label={t('organization_import.mode')}
                  value={mode}
                  onChange={(value) => setMode(value as OrganizationImportMode)}
                >
                  <Stack gap={4} mt={4}>
                    {(['all_or_nothing', 'valid_rows'] as const).map((value) => (
                      <Radio
                        key={value}
                        value={value}
                        label={t(`organization_import.mode.${value}`)}
                        data-testid={`organization-import-mode-${value}`}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              <Group>
                <Button onClick={run} loading={commit.isPending} data-testid="organization-import-commit">
                  {t('organization_import.commit')}
                </Button>
              </Group>
            </Stack>
          )}
          {refused && (
            <Alert color="red" role="alert" data-testid="organization-import-refused">
              {t('organization_import.refused', { count: refused.length })}
            </Alert>
          )}
        </>
      )}

      {result && (
        <Stack>
          <Alert color="green" data-testid="organization-import-result">
            {t('organization_import.done', { created: result.created, failed: result.failed })}
          </Alert>
          <RowErrors rows={result.errors} />
          <Group>
            <Button component={Link} to="/crm/organizations">
              {t('organization_import.back')}
            </Button>
            {fileButton('organization_import.again', 'organization-import-again', 'default')}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
