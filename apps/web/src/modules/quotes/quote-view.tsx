import { parseAmount, type Quote, type QuoteLine } from '@clientbox/contracts';
import { Alert, Anchor, Box, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDate, formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { DocumentDetail } from '../documents/document-detail.tsx';
import { summaryOfDocument } from '../documents/document-draft-lines.ts';
import { DocumentLinesTable } from '../documents/document-lines-table.tsx';
import { DocumentTitle } from '../documents/document-title.tsx';
import { DocumentTotalsPanel } from '../documents/document-totals-panel.tsx';
import { customerPath } from '../documents/use-document-customer.ts';
import { QuoteActions } from './quote-actions.tsx';
import { QuoteAnswer } from './quote-answer.tsx';
import { QuoteRevisions } from './quote-revisions.tsx';
import { QuoteStatusBadge } from './quote-status-badge.tsx';

/** The heading of a quote: its number, and from the second version on which version. */
export function useQuoteTitle() {
  const { t } = useI18n();
  return (quote: Quote) => {
    const number = quote.number ?? '';
    if (quote.status === 'draft')
      return quote.number
        ? t('quote.draft_revision_title', { number, revision: quote.revision })
        : t('quote.draft_title');
    return quote.revision > 1
      ? t('quote.title_revision', { number, revision: quote.revision })
      : t('quote.title', { number });
  };
}

function LineNote({ line }: { line: QuoteLine }) {
  const { t } = useI18n();
  if (!line.is_optional) return null;
  return (
    <Text size="xs" c={line.is_excluded ? 'dimmed' : 'green.8'} data-testid="quote-view-line-optional">
      {t(line.is_excluded ? 'quote.line.optional_hint' : 'quote.line.optional_selected')}
    </Text>
  );
}

function ReadOnlyNotice({ quote }: { quote: Quote }) {
  const { t } = useI18n();
  if (quote.superseded_by_id)
    return (
      <Alert color="grape" data-testid="quote-read-only">
        {t('quote.read_only_superseded')}{' '}
        <Anchor component={Link} to={`/quotes/${quote.superseded_by_id}`} size="sm">
          {t('quote.newer_version')} →
        </Anchor>
      </Alert>
    );
  return (
    <Alert color="gray" data-testid="quote-read-only">
      {quote.acceptance || quote.decline ? t('quote.read_only_answered') : t('quote.read_only')}
    </Alert>
  );
}

/**
 * A sent version of a quote, read-only: what was sent, where and when, whether the customer looked
 * and how they answered, its totals (with the options the customer ticked), the actions that
 * follow (PDF, link, revise, convert) and every version.
 */
export function QuoteView({ quote, customer }: { quote: Quote; customer: PickedRelation | null }) {
  const { t, locale } = useI18n();
  const title = useQuoteTitle();
  const none = t('invoice.none');
  const date = (value: string | null) => (value ? formatDate(value, locale) : none);
  const time = (value: string | null) => (value ? formatDateTime(value, locale) : none);
  const optionalTotal = quote.lines
    .filter((line) => line.is_excluded)
    .reduce((total, line) => total + parseAmount(line.line_total), 0n);
  return (
    <Stack data-testid="quote-view">
      <Group justify="space-between" gap="sm" align="center">
        <DocumentTitle
          kind="quote"
          title={title(quote)}
          badge={<QuoteStatusBadge status={quote.status} testId="quote-status" />}
        />
        <QuoteActions quote={quote} />
      </Group>
      <ReadOnlyNotice quote={quote} />
      <QuoteAnswer quote={quote} />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" verticalSpacing="sm">
          <DocumentDetail label={t('quote.number')} testId="quote-number">
            {quote.number}
          </DocumentDetail>
          <DocumentDetail label={t('quote.revision')} testId="quote-revision-number">
            {quote.revision}
          </DocumentDetail>
          <DocumentDetail label={t('quote.customer')} testId="quote-view-customer">
            {customer ? (
              <Anchor component={Link} to={customerPath(customer)} size="sm">
                {quote.customer_name ?? customer.name}
              </Anchor>
            ) : (
              (quote.customer_name ?? none)
            )}
          </DocumentDetail>
          <DocumentDetail label={t('quote.issue_date')}>{date(quote.issue_date)}</DocumentDetail>
          <DocumentDetail label={t('quote.valid_until')} testId="quote-view-valid-until">
            {date(quote.valid_until)}
          </DocumentDetail>
          <DocumentDetail label={t('quote.language')}>{t(`invoice.language.${quote.language}`)}</DocumentDetail>
          {quote.buyer_reference && (
            <DocumentDetail label={t('quote.buyer_reference')}>{quote.buyer_reference}</DocumentDetail>
          )}
          <DocumentDetail label={t('quote.sent_at')} testId="quote-sent-at">
            {time(quote.sent_at)}
          </DocumentDetail>
          <DocumentDetail label={t('quote.sent_to')} testId="quote-sent-to">
            {quote.sent_to ?? none}
          </DocumentDetail>
          <DocumentDetail label={t('quote.emailed_at')} testId="quote-emailed-at">
            {quote.emailed_at ? time(quote.emailed_at) : t('quote.email_pending')}
          </DocumentDetail>
          <DocumentDetail label={t('quote.viewed_at')} testId="quote-viewed-at">
            {quote.viewed_at ? time(quote.viewed_at) : t('quote.not_viewed')}
          </DocumentDetail>
          {quote.invoice_id && (
            <DocumentDetail label={t('quote.invoice')}>
              <Anchor component={Link} to={`/invoices/${quote.invoice_id}`} size="sm">
                {t('quote.invoice_link')}
              </Anchor>
            </DocumentDetail>
          )}
        </SimpleGrid>
        {quote.public_url && (
          <Box mt="sm">
            <DocumentDetail label={t('quote.public_url')} testId="quote-public-url">
              {quote.public_url}
            </DocumentDetail>
          </Box>
        )}
        {quote.note && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {quote.note}
          </Text>
        )}
      </Paper>
      <Title order={3} size="h4">
        {t('quote.lines')}
      </Title>
      <DocumentLinesTable
        kind="quote"
        lines={quote.lines}
        noteOf={(line) => <LineNote line={line} />}
        isDimmed={(line) => line.is_excluded}
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }} offset={{ base: 0, md: 6 }}>
          <DocumentTotalsPanel
            kind="quote"
            summary={summaryOfDocument(quote)}
            title={t('quote.totals')}
            optionalTotal={optionalTotal > 0n ? optionalTotal : null}
          />
        </Grid.Col>
      </Grid>
      <QuoteRevisions quoteId={quote.id} />
    </Stack>
  );
}
