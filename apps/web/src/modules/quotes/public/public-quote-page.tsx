import { formatMoney, type PublicQuote } from '@clientbox/contracts';
import { Alert, Button, Center, Grid, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api/api-client.ts';
import { type Locale, LocaleScope, useI18n } from '../../../shared/i18n/i18n.tsx';
import { PublicQuoteAnswer } from './public-quote-answer.tsx';
import { PublicQuoteLayout } from './public-quote-layout.tsx';
import { PublicQuoteLines } from './public-quote-lines.tsx';
import { PublicQuoteParties } from './public-quote-parties.tsx';
import { PublicQuoteRespond } from './public-quote-respond.tsx';
import { PublicQuoteTotalsPanel } from './public-quote-totals-panel.tsx';
import { initialSelection, selectedIndexes, totalsFor } from './public-quote-totals.ts';
import { usePublicQuote } from './use-public-quote.ts';
import type { PublicQuoteSection } from '../../../shared/ui/public-quote-sections.ts';

/**
 * `/q/{token}`: the page the quote e-mail links to. No login and no call to the logged-in API —
 * the customer has no account; the link's token is the key. It speaks the quote's language (the
 * customer never chose the app's), unless the customer switches.
 */
export function PublicQuotePage({ sections = [] }: { sections?: readonly PublicQuoteSection[] }) {
  const { token } = useParams({ strict: false }) as { token: string };
  const app = useI18n();
  const quote = usePublicQuote(token);
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const locale = chosenLocale ?? quote.data?.language ?? app.locale;
  return (
    <LocaleScope locale={locale} setLocale={setChosenLocale}>
      <PublicQuoteLayout supplier={quote.data?.supplier.name ?? null}>
        {quote.data ? (
          <QuoteView quote={quote.data} token={token} sections={sections} />
        ) : isNotFound(quote.error) ? (
          <NotFound />
        ) : quote.error ? (
          <LoadError onRetry={() => void quote.refetch()} />
        ) : (
          <Center py="xl">
            <Loader aria-label={app.t('common.loading')} />
          </Center>
        )}
      </PublicQuoteLayout>
    </LocaleScope>
  );
}

/** A token nobody has, mistyped or cut off: the server answers 404 for every bad link. */
function isNotFound(error: Error | null): boolean {
  return error instanceof ApiError && error.status === 404;
}

function QuoteView({
  quote,
  token,
  sections,
}: {
  quote: PublicQuote;
  token: string;
  sections: readonly PublicQuoteSection[];
}) {
  const { t, locale } = useI18n();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(() => initialSelection(quote));
  // Once answered (here or elsewhere) the options are the ones accepted, no longer a choice.
  const selected = quote.can_respond ? ticked : initialSelection(quote);
  const totals = totalsFor(quote, selected);
  const toggle = (index: number, isSelected: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (isSelected) next.add(index);
      else next.delete(index);
      return next;
    });

  useEffect(() => {
    const previous = document.title;
    document.title = `${t('public_quote.title', { number: quote.number })} – ${quote.supplier.name}`;
    return () => void (document.title = previous);
  }, [t, quote.number, quote.supplier.name]);

  return (
    <Stack gap="md" data-testid="public-quote" data-language={quote.language}>
      <PublicQuoteParties quote={quote} />
      <PublicQuoteAnswer quote={quote} />
      <PublicQuoteLines quote={quote} choice={{ selected, onToggle: quote.can_respond ? toggle : null }} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 2, md: 1 }}>
          {quote.note && (
            <Paper withBorder p="md" radius="md" data-testid="public-quote-note">
              <Title order={2} size="h5" mb="xs">
                {t('public_quote.note')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {quote.note}
              </Text>
            </Paper>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 1, md: 2 }}>
          <PublicQuoteTotalsPanel totals={totals} discountPercent={quote.discount_percent} />
        </Grid.Col>
      </Grid>
      <PublicQuoteRespond
        quote={quote}
        token={token}
        selectedLines={selectedIndexes(quote, selected)}
        totalLabel={formatMoney(totals.total_incl_vat, locale)}
      />
      {sections.map((Section, index) => (
        <Section key={index} token={token} quote={quote} />
      ))}
    </Stack>
  );
}

/** A link that leads nowhere: said kindly, without a login form or the app's navigation. */
function NotFound() {
  const { t } = useI18n();
  return (
    <Paper withBorder p="lg" radius="md" maw={560} mx="auto" data-testid="public-quote-not-found">
      <Title order={1} size="h3" mb="sm">
        {t('public_quote.not_found.title')}
      </Title>
      <Text size="sm">{t('public_quote.not_found.text')}</Text>
    </Paper>
  );
}

function LoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert color="red" role="alert" data-testid="public-quote-load-error">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('public_quote.load_error')}</Text>
        <Button size="xs" variant="light" onClick={onRetry}>
          {t('public_quote.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
