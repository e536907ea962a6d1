import type { Me } from '@clientbox/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../shared/api/api-client.ts';

export const accountKeys = {
  me: ['me'] as const,
  members: ['members'] as const,
  invitations: ['invitations'] as const,
  apiKeys: ['api_keys'] as const,
  audit: ['audit_events'] as const,
  sessions: ['sessions'] as const,
};

/** The logged-in person and tenant; `null` when logged out. */
export function useMe() {
  return useQuery({
    queryKey: accountKeys.me,
    queryFn: async () => {
      try {
        return await api<Me>('GET', '/api/v1/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
}

export function canManage(me: Me | null | undefined): boolean {
  return me?.tenant?.role === 'owner' || me?.tenant?.role === 'admin';
}
