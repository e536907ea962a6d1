import type { DataExport, ImportResult, Job } from '@clientbox/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, type List } from '../../shared/api/api-client.ts';

export const exportKeys = { list: ['exports'] as const };

const isUnfinished = (run: DataExport) => run.state === 'queued' || run.state === 'running';

/** The account's exports, newest first; polled while one is still being built. */
export function useExports() {
  return useQuery({
    queryKey: exportKeys.list,
    queryFn: () => api<List<DataExport>>('GET', '/api/v1/exports?limit=10'),
    refetchInterval: (query) => (query.state.data?.data.some(isUnfinished) ? 1500 : false),
  });
}

/**
 * Reloads the list as soon as the running export's job ends. It only listens to the job query
 * that JobProgress polls (same key), so the download link appears with the progress bar's "done".
 */
export function useRefreshWhenExportEnds(jobId: string | undefined) {
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => api<Job>('GET', `/api/v1/jobs/${jobId}`),
    enabled: false,
  });
  const hasEnded = job.data?.state === 'completed' || job.data?.state === 'failed';
  useEffect(() => {
    if (hasEnded) void queryClient.invalidateQueries({ queryKey: exportKeys.list });
  }, [hasEnded, queryClient]);
}

export function useStartExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<DataExport>('POST', '/api/v1/exports'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exportKeys.list }),
  });
}

/** Restores an archive into this (empty) account; everything read from the server may have changed. */
export function useImportArchive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<ImportResult>('POST', '/api/v1/imports', { form });
    },
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
