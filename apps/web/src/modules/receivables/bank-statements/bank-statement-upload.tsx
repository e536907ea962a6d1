import type { BankStatementImportResult } from '@clientbox/contracts';
import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { problemMessage } from '../problem-message.ts';
import { useUploadBankStatement } from './use-bank-statements.ts';

/**
 * "Afschrift inlezen": the file goes to the server as it is; what it booked (or why nothing of it
 * was booked: all or nothing per file) stands under the button.
 */
export function BankStatementUpload() {
  const { t, locale } = useI18n();
  const upload = useUploadBankStatement();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<BankStatementImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!file) return;
    setResult(null);
    setError(null);
    try {
      setResult(await upload.mutateAsync(file));
      setFile(null);
    } catch (caught) {
      setError(problemMessage(caught, locale));
    }
  };

  return (
    <Paper withBorder p="md" data-testid="bank-statement-upload">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('bank_statements.upload_title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('bank_statements.upload_hint')}
        </Text>
        <Group align="flex-end">
          <FileInput
            label={t('bank_statements.file')}
            placeholder={t('bank_statements.file_placeholder')}
            accept=".xml,.053,.sta,.940,.mt940,.txt,application/xml,text/xml,text/plain"
            value={file}
            onChange={setFile}
            clearable
            w={{ base: '100%', xs: 320 }}
            data-testid="bank-statement-file"
          />
          <Button
            onClick={() => void submit()}
            disabled={!file}
            loading={upload.isPending}
            data-testid="bank-statement-submit"
          >
            {t('bank_statements.upload')}
          </Button>
        </Group>
        {error && (
          <Alert
            color="red"
            role="alert"
            title={t('bank_statements.upload_refused')}
            data-testid="bank-statement-error"
          >
            {error}
          </Alert>
        )}
        {result && (
          <Alert color="green" role="status" data-testid="bank-statement-result">
            <Text size="sm" data-testid="bank-statement-result-counts">
              {t('bank_statements.uploaded', { new: result.new_entries, duplicates: result.duplicate_entries })}
            </Text>
            {result.pending_entries_skipped > 0 && (
              <Text size="sm">{t('bank_statements.pending_skipped', { count: result.pending_entries_skipped })}</Text>
            )}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
