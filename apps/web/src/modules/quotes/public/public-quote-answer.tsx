import type { PublicQuote } from '@clientbox/contracts';
import { Alert, List, Text } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { formatLegalDate, formatMoment } from './public-quote-format.ts';

/**
 * Where the quote stands once the customer can no longer answer it: accepted (by whom, when, with
 * which options), declined (when, why), expired or replaced by a newer version.
 */
export function PublicQuoteAnswer({ quote }: { quote: PublicQuote }) {
  const { t, locale } = useI18n();
  const supplier = quote.supplier.name;
  const options = quote.lines.filter((line) => line.is_optional);
  const chosen = options.filter((line) => quote.accepted?.selected_optional_lines.includes(line.index));
  return (
    <>
      {quote.status === 'superseded' && (
        <Alert color="gray" data-testid="public-quote-superseded">
          {t('public_quote.superseded', { supplier })}
        </Alert>
      )}
      {quote.status === 'expired' && (
        <Alert color="orange" data-testid="public-quote-expired">
          {t('public_quote.expired', { date: formatLegalDate(quote.valid_until, locale), supplier })}
        </Alert>
      )}
      {quote.accepted && (
        <Alert
          color="green"
          data-testid="public-quote-accepted"
          title={t('public_quote.accepted', {
            name: quote.accepted.name,
            date: formatMoment(quote.accepted.accepted_at, locale),
          })}
        >
          <Text size="sm">{t('public_quote.accepted_thanks', { supplier })}</Text>
          {options.length > 0 && (
            <>
              <Text size="sm" fw={600} mt="xs">
                {t('public_quote.accepted_options')}
              </Text>
              {chosen.length ? (
                <List size="sm" data-testid="public-quote-accepted-options">
                  {chosen.map((line) => (
                    <List.Item key={line.index}>{line.description}</List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" data-testid="public-quote-accepted-options">
                  {t('public_quote.accepted_no_options')}
                </Text>
              )}
            </>
          )}
        </Alert>
      )}
      {quote.declined && (
        <Alert
          color="red"
          data-testid="public-quote-declined"
          title={t('public_quote.declined', { date: formatMoment(quote.declined.declined_at, locale) })}
        >
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="public-quote-declined-reason"
          >
            {t('public_quote.declined_reason', { reason: quote.declined.reason })}
          </Text>
        </Alert>
      )}
    </>
  );
}
