import type { Quote } from '@clientbox/contracts';
import { Alert, List, SimpleGrid, Text } from '@mantine/core';
import { formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { DocumentDetail } from '../documents/document-detail.tsx';

/**
 * The customer's answer, as recorded: for an acceptance the name typed, the server's time, the IP
 * address and browser, and the options ticked; for a decline its reason.
 */
export function QuoteAnswer({ quote }: { quote: Quote }) {
  const { t, locale } = useI18n();
  const none = t('invoice.none');
  const { acceptance, decline } = quote;
  if (acceptance) {
    const options = acceptance.selected_optional_lines.map((index) => quote.lines[index]?.description ?? `#${index}`);
    return (
      <Alert color="green" title={t('quote.acceptance')} data-testid="quote-acceptance">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="sm">
          <DocumentDetail label={t('quote.accepted_by')} testId="quote-accepted-name">
            {acceptance.name}
          </DocumentDetail>
          <DocumentDetail label={t('quote.accepted_at')} testId="quote-accepted-at">
            {formatDateTime(acceptance.accepted_at, locale)}
          </DocumentDetail>
          <DocumentDetail label={t('quote.acceptance_ip')} testId="quote-accepted-ip">
            {acceptance.ip ?? none}
          </DocumentDetail>
          <DocumentDetail label={t('quote.acceptance_browser')}>{acceptance.user_agent ?? none}</DocumentDetail>
        </SimpleGrid>
        {quote.lines.some((line) => line.is_optional) && (
          <>
            <Text size="sm" fw={600} mt="sm">
              {t('quote.selected_options')}
            </Text>
            {options.length ? (
              <List size="sm" withPadding data-testid="quote-selected-options">
                {options.map((description, at) => (
                  <List.Item key={at} data-testid="quote-selected-option">
                    {description}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" data-testid="quote-selected-options">
                {t('quote.no_options_selected')}
              </Text>
            )}
          </>
        )}
      </Alert>
    );
  }
  if (decline)
    return (
      <Alert color="red" title={t('quote.decline')} data-testid="quote-decline">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DocumentDetail label={t('quote.declined_at')}>{formatDateTime(decline.declined_at, locale)}</DocumentDetail>
          <DocumentDetail label={t('quote.decline_reason')} testId="quote-decline-reason">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {decline.reason}
            </Text>
          </DocumentDetail>
        </SimpleGrid>
      </Alert>
    );
  return null;
}
