import type { PublicQuote, QuoteMandateOffer as Offer } from '@clientbox/contracts';
import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../../shared/api/api-client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

const path = (token: string) => `/api/v1/public/quotes/${encodeURIComponent(token)}/mandate`;

/**
 * On the quote page, once accepted: the customer may authorise the supplier to collect its
 * invoices by SEPA direct debit. The mandate is signed on its own page, so what is signed (name,
 * IBAN, place, the legal text) and recorded is the same as for a mandate link from an e-mail.
 */
export function QuoteMandateOffer({ token, quote }: { token: string; quote: PublicQuote }) {
  const { t } = useI18n();
  const isAccepted = quote.status === 'accepted';
  const offer = useQuery({
    queryKey: ['public_quote', token, 'mandate'],
    queryFn: () => api<Offer>('GET', path(token)),
    enabled: isAccepted,
    retry: false,
  });
  const request = useMutation({
    mutationFn: () => api<Offer>('POST', path(token)),
    onSuccess: (answer) => {
      if (answer.mandate?.public_url) window.location.assign(answer.mandate.public_url);
    },
  });
  if (!isAccepted || !offer.data?.offered) return null;
  const mandate = offer.data.mandate;
  const supplier = quote.supplier.name;
  if (mandate && mandate.status === 'active')
    return (
      <Alert color="green" data-testid="quote-mandate-active" title={t('quote_mandate.active_title')}>
        <Text size="sm">{t('quote_mandate.active_text', { supplier, mandate: mandate.mandate_id })}</Text>
      </Alert>
    );
  return (
    <Paper withBorder p="md" radius="md" data-testid="quote-mandate-offer">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4">
          {t('quote_mandate.title')}
        </Title>
        <Text size="sm">{t('quote_mandate.text', { supplier })}</Text>
        {request.error && (
          <Alert color="red" role="alert">
            {request.error instanceof ApiError ? request.error.problem.title : t('quote_mandate.failed')}
          </Alert>
        )}
        <Button
          loading={request.isPending}
          onClick={() => (mandate?.public_url ? window.location.assign(mandate.public_url) : request.mutate())}
          data-testid="quote-mandate-sign"
        >
          {t(mandate ? 'quote_mandate.continue' : 'quote_mandate.sign')}
        </Button>
      </Stack>
    </Paper>
  );
}
