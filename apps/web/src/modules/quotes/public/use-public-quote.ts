import type { AcceptQuote, DeclineQuote, PublicQuote } from '@clientbox/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../shared/api/api-client.ts';

/** The customer's page has no session: only the public routes behind the link's token. */
export const publicQuoteKeys = {
  all: ['public_quote'] as const,
  quote: (token: string) => ['public_quote', token] as const,
};

const path = (token: string) => `/api/v1/public/quotes/${encodeURIComponent(token)}`;

/** The answer the server gives about a token: a 404 is final, a network hiccup is tried once more. */
function isWorthRetrying(failureCount: number, error: Error): boolean {
  return failureCount < 1 && !(error instanceof ApiError && error.status < 500);
}

/** The quote behind the link. Fetching it is what marks it viewed, so it is fetched once, not polled. */
export function usePublicQuote(token: string) {
  return useQuery({
    queryKey: publicQuoteKeys.quote(token),
    queryFn: () => api<PublicQuote>('GET', path(token)),
    retry: isWorthRetrying,
    staleTime: Infinity,
  });
}

/**
 * Accepting or declining answers with the quote as it now is. A refusal (409: expired, superseded,
 * answered meanwhile) reloads the quote, so the page shows the state it is really in.
 */
function useRespond<Body>(token: string, action: 'accept' | 'decline') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api<PublicQuote>('POST', `${path(token)}/${action}`, { body }),
    onSuccess: (quote) => queryClient.setQueryData(publicQuoteKeys.quote(token), quote),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: publicQuoteKeys.quote(token) });
    },
  });
}

export const useAcceptQuote = (token: string) => useRespond<AcceptQuote>(token, 'accept');
export const useDeclineQuote = (token: string) => useRespond<DeclineQuote>(token, 'decline');
