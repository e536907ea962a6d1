import type { PublicMandate, SignMandate } from '@clientbox/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../shared/api/api-client.ts';

/** The debtor's page has no session: only the public routes behind the link's token. */
export const publicMandateKeys = {
  all: ['public_mandate'] as const,
  mandate: (token: string) => ['public_mandate', token] as const,
};

const path = (token: string) => `/api/v1/public/mandates/${encodeURIComponent(token)}`;

/** A 404 is final; a network hiccup is tried once more. */
function isWorthRetrying(failureCount: number, error: Error): boolean {
  return failureCount < 1 && !(error instanceof ApiError && error.status < 500);
}

export function usePublicMandate(token: string) {
  return useQuery({
    queryKey: publicMandateKeys.mandate(token),
    queryFn: () => api<PublicMandate>('GET', path(token)),
    retry: isWorthRetrying,
    staleTime: Infinity,
  });
}

/** Signing answers with the mandate as it now is; a refusal (409: signed or revoked meanwhile) reloads it. */
export function useSignMandate(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignMandate) => api<PublicMandate>('POST', `${path(token)}/sign`, { body }),
    onSuccess: (mandate) => queryClient.setQueryData(publicMandateKeys.mandate(token), mandate),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: publicMandateKeys.mandate(token) });
    },
  });
}
