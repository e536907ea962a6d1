import type { Company, UpdateCompany } from '@clientbox/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/api-client.ts';

export const companyKeys = { profile: ['company'] as const };

export function useCompany() {
  return useQuery({ queryKey: companyKeys.profile, queryFn: () => api<Company>('GET', '/api/v1/company') });
}

/** Sends only the changed fields, with the version it was read at (a newer one gives 412). */
export function useUpdateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ changes, version }: { changes: UpdateCompany; version: number }) =>
      api<Company>('PATCH', '/api/v1/company', { body: changes, headers: { 'if-match': `"${version}"` } }),
    onSuccess: (company) => queryClient.setQueryData(companyKeys.profile, company),
  });
}

export function useUploadLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<void>('POST', '/api/v1/company/logo', { form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyKeys.profile }),
  });
}
