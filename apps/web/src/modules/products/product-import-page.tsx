import {
  type FieldError,
  PRODUCT_IMPORT_FIELDS,
  type ProductImportField,
  type ProductImportMapping,
  type ProductImportMode,
  type ProductImportPreview,
  type ProductImportResult,
  type ProductImportRowError,
  REQUIRED_IMPORT_FIELDS,
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
import { ApiError } from '../../shared/api/api-client.ts';
import { hasMessage, type Locale, translate, useI18n } from '../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../shared/i18n/nl.ts';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { useCommitImport, usePreviewImport } from './use-products.ts';

const FIELD_LABEL: Record<ProductImportField, MessageKey> = {
  code: 'product.code',
  name: 'product.name',
  description: 'product.description',
  unit_code: 'product.unit',
  unit_price: 'product.unit_price',
  purchase_price: 'product.purchase_price',
  vat_category: 'product.vat_category',
  vat_rate: 'product.vat_rate',
  vat_rate_class: 'product.vat_rate_class',
  revenue_account: 'product.revenue_account',
  category: 'product.category',
  recurring_period: 'product.recurring_period',
};

function errorText(locale: Locale, error: FieldError): string {
  const key = `error.${error.code}`;
  return hasMessage(key) ? translate(locale, key) : error.message;
}

/** A refused all-or-nothing import lists `rows.<line>.<field>`: back to rows, as the preview shows them. */
function rowsOfProblem(errors: FieldError[]): ProductImportRowError[] {
  const byLine = new Map<number, FieldError[]>();
  for (const error of errors) {
    const match = /^rows\.(\d+)\.(.+)$/.exec(error.field);
    if (!match) continue;
    const line = Number(match[1]);
    byLine.set(line, [...(byLine.get(line) ?? []), { ...error, field: match[2]! }]);
  }
  return [...byLine].map(([line, rowErrors]) => ({ line, code: null, errors: rowErrors }));
}

function RowErrors({ rows }: { rows: ProductImportRowError[] }) {
  const { t, locale } = useI18n();
  if (rows.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('product_import.errors_title')}
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table striped verticalSpacing={4} fz="sm" data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('product_import.line')}</Table.Th>
              <Table.Th>{t('product_import.field')}</Table.Th>
              <Table.Th>{t('product_import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.flatMap((row) =>
              row.errors.map((error, index) => (
                <Table.Tr key={`${row.line}-${index}`} data-testid="import-error-row">
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>
                    {error.field in FIELD_LABEL ? t(FIELD_LABEL[error.field as ProductImportField]) : error.field}
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

/** `/products/import`: choose a CSV, match its columns, see what would happen, then import. */
export function ProductImportPage() {
  const { t, locale } = useI18n();
  const preview = usePreviewImport();
  const commit = useCommitImport();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ProductImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [mode, setMode] = useState<ProductImportMode>('all_or_nothing');
  const [result, setResult] = useState<ProductImportResult | null>(null);
  const [refused, setRefused] = useState<ProductImportRowError[] | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const isComplete = REQUIRED_IMPORT_FIELDS.every((field) => mapping[field]);

  const check = async (chosen: File, chosenMapping: ProductImportMapping | null) => {
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

  const changeMapping = (field: ProductImportField, column: string | null) => {
    const next = { ...mapping, [field]: column || null };
    setMapping(next);
    if (file && REQUIRED_IMPORT_FIELDS.every((required) => next[required])) void check(file, next);
  };

  const run = async () => {
    if (!file) return;
    setGeneral(null);
    setRefused(null);
    try {
      setResult(await commit.mutateAsync({ file, mapping: mapping as ProductImportMapping, mode }));
    } catch (error) {
      if (error instanceof ApiError && error.problem.code === 'product_import_failed') {
        setRefused(rowsOfProblem(error.problem.errors ?? []));
        return;
      }
      setGeneral(serverErrors(error, locale).general);
    }
  };

  const columnOptions = [
    { value: '', label: t('product_import.skip') },
    ...(report?.columns.map((column) => ({ value: column.name, label: column.name })) ?? []),
  ];
  const samplesOf = (column: string | null | undefined) =>
    report?.columns.find((candidate) => candidate.name === column)?.samples.join(', ') ?? '';

  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/products" size="sm">
        ← {t('product.back')}
      </Anchor>
      <Title order={2}>{t('product_import.title')}</Title>
      <Text size="sm">{t('product_import.intro')}</Text>
      <Group>
        <FileButton onChange={choose} accept=".csv,text/csv,text/plain">
          {(props) => (
            <Button variant="default" loading={preview.isPending && !report} {...props} data-testid="import-file">
              {t('product_import.choose')}
            </Button>
          )}
        </FileButton>
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
              {t('product_import.mapping')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {PRODUCT_IMPORT_FIELDS.map((field) => (
                <Select
                  key={field}
                  label={t(FIELD_LABEL[field])}
                  required={REQUIRED_IMPORT_FIELDS.includes(field)}
                  data={columnOptions}
                  value={mapping[field] ?? ''}
                  allowDeselect={false}
                  description={
                    mapping[field] ? t('product_import.samples', { samples: samplesOf(mapping[field]) }) : undefined
                  }
                  onChange={(column) => changeMapping(field, column)}
                  data-testid={`import-map-${field}`}
                />
              ))}
            </SimpleGrid>
          </Paper>
          {!isComplete ? (
            <Alert color="yellow">{t('product_import.mapping_incomplete')}</Alert>
          ) : (
            <Text data-testid="import-summary">
              {t('product_import.summary', {
                total: report.total_rows,
                create: report.to_create,
                update: report.to_update,
                unchanged: report.unchanged,
                errors: report.errors.length,
              })}
            </Text>
          )}
          <RowErrors rows={report.errors} />
          {isComplete && (
            <Stack gap="sm">
              {report.errors.length > 0 && (
                <Radio.Group
                  label={t('product_import.mode')}
                  value={mode}
                  onChange={(value) => setMode(value as ProductImportMode)}
                >
                  <Stack gap={4} mt={4}>
                    {(['all_or_nothing', 'valid_rows'] as const).map((value) => (
                      <Radio
                        key={value}
                        value={value}
                        label={t(`product_import.mode.${value}`)}
                        data-testid={`import-mode-${value}`}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              <Group>
                <Button onClick={run} loading={commit.isPending} data-testid="import-commit">
                  {t('product_import.commit')}
                </Button>
              </Group>
            </Stack>
          )}
          {refused && (
            <Alert color="red" role="alert" data-testid="import-refused">
              {t('product_import.refused', { count: new Set(refused.map((row) => row.line)).size })}
            </Alert>
          )}
        </>
      )}

      {result && (
        <Stack>
          <Alert color="green" data-testid="import-result">
            {t('product_import.done', {
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
              failed: result.failed,
            })}
          </Alert>
          <RowErrors rows={result.errors} />
          <Group>
            <Button component={Link} to="/products">
              {t('product.back')}
            </Button>
            <FileButton onChange={choose} accept=".csv,text/csv,text/plain">
              {(props) => (
                <Button variant="default" {...props}>
                  {t('product_import.again')}
                </Button>
              )}
            </FileButton>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
