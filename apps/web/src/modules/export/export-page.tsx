import type { DataExport, ImportResult } from '@clientbox/contracts';
import { Alert, Button, FileInput, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../shared/api/api-client.ts';
import { formatDateTime } from '../../shared/i18n/format-date.ts';
import { hasMessage, type Locale, useI18n } from '../../shared/i18n/i18n.tsx';
import { JobProgress } from '../../shared/ui/job-progress.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { canManage, useMe } from '../accounts/use-me.ts';
import { useExports, useImportArchive, useRefreshWhenExportEnds, useStartExport } from './use-exports.ts';

function formatSize(bytes: number, locale: Locale): string {
  const number = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${number.format(Math.max(bytes, 1) / 1024)} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}

/** Terms art. 17: the account's data as one archive, also for expired, suspended and deactivated accounts. */
export function ExportPage() {
  const { t } = useI18n();
  const me = useMe();
  if (!canManage(me.data)) {
    return (
      <Stack maw={860}>
        <Title order={2}>{t('export.title')}</Title>
        <Alert color="gray">{t('export.admins_only')}</Alert>
      </Stack>
    );
  }
  const isLocked = ['expired', 'suspended', 'deactivated'].includes(me.data?.access?.state ?? '');
  return (
    <Stack maw={860}>
      <Title order={2}>{t('export.title')}</Title>
      <ExportSection />
      {isLocked ? <Alert color="gray">{t('import.locked')}</Alert> : <ImportSection />}
    </Stack>
  );
}

function ExportSection() {
  const { t, locale } = useI18n();
  const exports = useExports();
  const start = useStartExport();
  const [error, setError] = useState<string | null>(null);
  const runs = exports.data?.data ?? [];
  const running = runs.find((run) => run.state === 'queued' || run.state === 'running');
  useRefreshWhenExportEnds(running?.id);

  const startExport = async () => {
    setError(null);
    try {
      await start.mutateAsync();
    } catch (caught) {
      setError(serverErrors(caught, locale).general);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Text>{t('export.intro')}</Text>
        <Group>
          <Button onClick={startExport} loading={start.isPending} disabled={Boolean(running)}>
            {t('export.start')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {running && <JobProgress jobId={running.id} />}
        <Title order={3} size="h5">
          {t('export.history')}
        </Title>
        {runs.length === 0 ? (
          <Text c="dimmed">{t('export.none')}</Text>
        ) : (
          <Stack gap={0}>
            {runs.map((run) => (
              <ExportRow key={run.id} run={run} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** One export: when, its state and size, and the download once it is ready; wraps on a phone. */
function ExportRow({ run }: { run: DataExport }) {
  const { t, locale } = useI18n();
  return (
    <Group justify="space-between" gap="xs" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <div>
        <Text size="sm">{formatDateTime(run.created_at, locale)}</Text>
        <Text size="xs" c={run.state === 'failed' ? 'red' : 'dimmed'}>
          {t(`job.state.${run.state}`)}
          {run.archive && ` · ${formatSize(run.archive.size, locale)}`}
          {run.error && ` · ${run.error}`}
        </Text>
      </div>
      {run.archive && (
        <Button component="a" href={run.archive.download_url} download variant="light" size="xs">
          {t('export.download')}
        </Button>
      )}
    </Group>
  );
}

function ImportSection() {
  const { t, locale } = useI18n();
  const importArchive = useImportArchive();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<{ message: string; detail: string | null } | null>(null);
  const entityName = (entity: string) => {
    const key = `export.entity.${entity}`;
    return hasMessage(key) ? t(key) : entity;
  };

  const submit = async () => {
    if (!file) return;
    setResult(null);
    setError(null);
    try {
      setResult(await importArchive.mutateAsync(file));
      setFile(null);
    } catch (caught) {
      const detail = caught instanceof ApiError ? (caught.problem.detail ?? null) : null;
      setError({ message: serverErrors(caught, locale).general ?? t('error.generic'), detail });
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          {t('import.title')}
        </Title>
        <Text>{t('import.intro')}</Text>
        <Group align="flex-end">
          <FileInput
            label={t('import.file')}
            accept=".zip,application/zip"
            value={file}
            onChange={setFile}
            clearable
            w={{ base: '100%', xs: 320 }}
          />
          <Button onClick={submit} disabled={!file} loading={importArchive.isPending}>
            {t('import.submit')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            <Text size="sm">{error.message}</Text>
            {error.detail && (
              <Text size="xs" c="dimmed" mt={4}>
                {error.detail}
              </Text>
            )}
          </Alert>
        )}
        {result && (
          <Alert color="green" role="status">
            <Text size="sm" mb="xs">
              {t('import.done', {
                tenant: result.source.tenant_name,
                date: formatDateTime(result.source.created_at, locale),
              })}
            </Text>
            <Text size="sm" fw={600}>
              {t('import.imported')}
            </Text>
            <List size="sm" mb="xs">
              {result.imported.map((entry) => (
                <List.Item key={entry.entity}>
                  {entityName(entry.entity)}: {entry.count}
                </List.Item>
              ))}
            </List>
            {result.skipped.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t('import.skipped')}
                </Text>
                <List size="sm">
                  {result.skipped.map((entry) => (
                    <List.Item key={entry.entity}>
                      {entityName(entry.entity)}: {entry.count} ({t(`import.reason.${entry.reason}`)})
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
