import type { Job } from '@clientbox/contracts';
import { Group, Progress, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Shows a long job's progress (imports, exports, billing runs) until it is done. */
export function JobProgress({ jobId }: { jobId: string }) {
  const { t } = useI18n();
  const { data } = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => api<Job>('GET', `/api/v1/jobs/${jobId}`),
    refetchInterval: (query) =>
      query.state.data && ['completed', 'failed'].includes(query.state.data.state) ? false : 1000,
  });
  if (!data) return null;
  const { done, total } = data.progress;
  const percent = data.state === 'completed' ? 100 : total ? Math.round((done / total) * 100) : 0;
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="sm">{t(`job.state.${data.state}`)}</Text>
        <Text size="sm" c="dimmed">
          {total ? `${done} / ${total}` : done}
        </Text>
      </Group>
      <Progress
        value={percent}
        color={data.state === 'failed' ? 'red' : undefined}
        animated={data.state === 'running'}
        aria-label={t(`job.state.${data.state}`)}
      />
      {data.error && (
        <Text c="red" size="sm" mt={4}>
          {data.error}
        </Text>
      )}
    </div>
  );
}
