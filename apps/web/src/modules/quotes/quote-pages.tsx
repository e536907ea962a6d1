import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { useDocumentCustomer } from '../documents/use-document-customer.ts';
import { QuoteEditor } from './quote-editor.tsx';
import { QuoteRevisions } from './quote-revisions.tsx';
import { QuoteStatusBadge } from './quote-status-badge.tsx';
import { QuoteView, useQuoteTitle } from './quote-view.tsx';
import { useQuote } from './use-quotes.ts';

function BackLink() {
  const { t } = useI18n();
  return (
    <Anchor component={Link} to="/quotes" size="sm">
      ← {t('quote.back')}
    </Anchor>
  );
}

/** `/quotes/new` */
export function QuoteCreatePage() {
  const { t } = useI18n();
  return (
    <Stack maw={1100}>
      <BackLink />
      <Title order={2}>{t('quote.new_title')}</Title>
      <QuoteEditor customer={null} />
    </Stack>
  );
}

/** `/quotes/$id`: the editor while this version is a draft, the sent version read-only after that. */
export function QuotePage() {
  const { t, locale } = useI18n();
  const title = useQuoteTitle();
  const { id } = useParams({ strict: false }) as { id: string };
  const quote = useQuote(id);
  const customer = useDocumentCustomer(quote.data?.customer_id);

  const failure = quote.error ?? customer.error;
  if (failure)
    return (
      <Stack maw={1100}>
        <BackLink />
        <Alert color="red" data-testid="quote-load-error">
          {serverErrors(failure, locale).general}
        </Alert>
      </Stack>
    );
  const current = quote.data;
  const isCustomerPending = Boolean(current?.customer_id) && customer.isPending;
  if (!current || isCustomerPending) return <Text>{t('common.loading')}</Text>;

  if (current.status !== 'draft')
    return (
      <Stack maw={1100}>
        <BackLink />
        <QuoteView quote={current} customer={customer.data ?? null} />
      </Stack>
    );
  return (
    <Stack maw={1100}>
      <BackLink />
      <Group gap="sm" wrap="wrap">
        <Title order={2} data-testid="quote-title">
          {title(current)}
        </Title>
        <QuoteStatusBadge status={current.status} testId="quote-status" />
      </Group>
      <QuoteEditor key={current.id} quote={current} customer={customer.data ?? null} />
      {current.revision > 1 && <QuoteRevisions quoteId={current.id} />}
    </Stack>
  );
}
