import type { BillingRunPreview, Job } from '@clientbox/contracts';
import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/api-client.ts';
import { hasMessage, useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { JobProgress } from '../../shared/ui/job-progress.tsx';
import { BillingRunInvoices } from './billing-run-invoices.tsx';
import { day } from './subscription-labels.ts';
import { usePreviewBillingRun, useRefreshAfterBillingRun, useStartBillingRun } from './use-subscriptions.ts';

/** What the run's job answers when it has ended: what it made, and the groups it could not bill. */
interface BillingRunResult {
  invoices: number;
  credit_notes: number;
  failed: { subscription_ids: string[]; error: string }[];
}

function isBillingRunResult(value: unknown): value is BillingRunResult {
  const result = value as Partial<BillingRunResult> | null;
  return (
    typeof result?.invoices === 'number' && typeof result.credit_notes === 'number' && Array.isArray(result.failed)
  );
}

/**
 * How many invoices and credit notes the run made; a group it could not bill (an incomplete
 * company profile, say) is listed with the reason, and the rest of the run went on.
 */
function BillingRunOutcome({ result }: { result: BillingRunResult }) {
  const { t } = useI18n();
  const reason = (code: string) => {
    const key = `error.${code}`;
    return hasMessage(key) ? t(key) : code;
  };
  return (
    <Alert color={result.failed.length ? 'orange' : 'green'} data-testid="billing-run-done">
      <Text size="sm">{t('subscriptions.billing.done')}</Text>
      <Text
        size="sm"
        data-testid="billing-run-made"
        data-invoices={result.invoices}
        data-credit-notes={result.credit_notes}
      >
        {t('subscriptions.billing.made', { invoices: result.invoices, credit_notes: result.credit_notes })}
      </Text>
      {result.failed.length > 0 && (
        <>
          <Text size="sm" mt="xs">
            {t('subscriptions.billing.failed', { count: result.failed.length })}
          </Text>
          <List size="sm">
            {result.failed.map((failure) => (
              <List.Item
                key={failure.subscription_ids.join()}
                data-testid="billing-run-failed"
                data-reason={failure.error}
              >
                {failure.subscription_ids.map((id) => (
                  <Anchor key={id} component={Link} to={`/subscriptions/${id}`} size="sm" mr={4}>
                    {id.slice(0, 8)}
                  </Anchor>
                ))}
                {': '}
                {reason(failure.error)}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

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
  return { state, result: jobId ? job.data?.result : undefined };
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
  const { state, result } = useRefreshWhenRunEnds(jobId, () => {
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
        {finishedJobId && state === 'completed' && isBillingRunResult(result) && <BillingRunOutcome result={result} />}
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
