import type { GrantSupportAccess, SupportGrant, supportStaffMember } from '@clientbox/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/api-client.ts';
import { accountKeys } from '../accounts/use-me.ts';

export type SupportStaffMember = z.infer<typeof supportStaffMember>;

export const supportKeys = {
  staff: ['support', 'staff'] as const,
  grants: ['support', 'grants'] as const,
};

/** Terms art. 16: the operator's staff this tenant can let in. */
export function useSupportStaff(isEnabled: boolean) {
  return useQuery({
    queryKey: supportKeys.staff,
    queryFn: () => api<{ data: SupportStaffMember[] }>('GET', '/api/v1/support/staff').then((list) => list.data),
    enabled: isEnabled,
  });
}

export function useSupportGrants(isEnabled: boolean) {
  return useQuery({
    queryKey: supportKeys.grants,
    queryFn: () => api<{ data: SupportGrant[] }>('GET', '/api/v1/support/grants').then((list) => list.data),
    enabled: isEnabled,
  });
}

/** Granting and revoking are audited, so the audit log is stale afterwards too. */
function useGrantChange<Input>(run: (input: Input) => Promise<SupportGrant>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supportKeys.grants }),
        queryClient.invalidateQueries({ queryKey: accountKeys.audit }),
      ]),
  });
}

export function useGrantSupportAccess() {
  return useGrantChange((grant: GrantSupportAccess) =>
    api<SupportGrant>('POST', '/api/v1/support/grants', { body: grant }),
  );
}

export function useRevokeSupportAccess() {
  return useGrantChange((grantId: string) => api<SupportGrant>('DELETE', `/api/v1/support/grants/${grantId}`));
}

/** Terms art. 7: any member reports misuse of a login to the operator's helpdesk. */
export function useReportMisuse() {
  return useMutation({
    mutationFn: (report: { description: string }) =>
      api<{ reported: true }>('POST', '/api/v1/support/misuse-reports', { body: report }),
  });
}
