import type { BillingRunPreview, Job } from '@clientbox/contracts';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { JobProgress } from '../../shared/ui/job-progress.tsx';
import { BillingRunInvoices } from './billing-run-invoices.tsx';
import { day } from './subscription-labels.ts';
import { usePreviewBillingRun, useRefreshAfterBillingRun, useStartBillingRun } from './use-subscriptions.ts';

/**
 * Reads the subscriptions and invoices again once the run's job has ended. It only listens to the
 * job query that JobProgress polls (same key).
 */
function useRefreshWhenRunEnds(jobId: string | null, onEnded: () => void) {
  const refresh = useRefreshAfterBillingRun();
  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => api<Job>('GET', `/api/v1/jobs/${jobId}`),
    enabled: false,
  });
  const state = jobId ? job.data?.state : undefined;
  const hasEnded = state === 'completed' || state === 'failed';
  useEffect(() => {
    if (!hasEnded) return;
    void refresh();
    onEnded();
  }, [hasEnded]);
  return state;
}

/**
 * The billing run by hand: first what it would invoice today (a dry run, nothing written), then
 * start it; it runs as a job whose progress shows here, and the lists are read again when it ends.
 */
export function BillingRunSection() {
  const { t, locale } = useI18n();
  const preview = usePreviewBillingRun();
  const start = useStartBillingRun();
  const [shown, setShown] = useState<BillingRunPreview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [finishedJobId, setFinishedJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const state = useRefreshWhenRunEnds(jobId, () => {
    setFinishedJobId(jobId);
    setShown(null);
  });
  const isRunning = jobId !== null && state !== 'completed' && state !== 'failed';

  const runPreview = async () => {
    setError(null);
    try {
      setShown(await preview.mutateAsync());
    } catch (caught) {
      setError(serverErrors(caught, locale).general);
    }
  };
  const runStart = async () => {
    setError(null);
    try {
      const started = await start.mutateAsync();
      setFinishedJobId(null);
      setJobId(started.job_id);
    } catch (caught) {
      setError(serverErrors(caught, locale).general);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="billing-run">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('subscriptions.billing.run_title')}
        </Title>
        <Text size="sm">{t('subscriptions.billing.run_intro')}</Text>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={runPreview}
            loading={preview.isPending}
            data-testid="billing-run-preview-button"
          >
            {t('subscriptions.billing.preview')}
          </Button>
          <Button onClick={runStart} loading={start.isPending} disabled={isRunning} data-testid="billing-run-start">
            {t('subscriptions.billing.start')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {jobId && (
          <div data-testid="billing-run-progress">
            <JobProgress jobId={jobId} />
          </div>
        )}
        {finishedJobId && state === 'completed' && (
          <Alert color="green" data-testid="billing-run-done">
            {t('subscriptions.billing.done')}
          </Alert>
        )}
        {shown && (
          <Stack gap="xs" data-testid="billing-run-preview">
            <Text size="sm" fw={600}>
              {t('subscriptions.billing.preview_title', { date: day(shown.date, locale) })}
            </Text>
            <BillingRunInvoices preview={shown} testId="billing-run-invoice" />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
