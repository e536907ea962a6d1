import { Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { DocumentPageFrame, LoadedDocumentPage } from '../documents/document-page.tsx';
import { DocumentTitle } from '../documents/document-title.tsx';
import { QuoteEditor } from './quote-editor.tsx';
import { QuoteRevisions } from './quote-revisions.tsx';
import { QuoteStatusBadge } from './quote-status-badge.tsx';
import { QuoteView, useQuoteTitle } from './quote-view.tsx';
import { useQuote } from './use-quotes.ts';

/** `/quotes/new` */
export function QuoteCreatePage() {
  const { t } = useI18n();
  return (
    <DocumentPageFrame kind="quote">
      <Title order={2}>{t('quote.new_title')}</Title>
      <QuoteEditor customer={null} />
    </DocumentPageFrame>
  );
}

/** `/quotes/$id`: the editor while this version is a draft, the sent version read-only after that. */
export function QuotePage() {
  const title = useQuoteTitle();
  const { id } = useParams({ strict: false }) as { id: string };
  const quote = useQuote(id);
  return (
    <LoadedDocumentPage kind="quote" document={quote}>
      {(current, customer) =>
        current.status !== 'draft' ? (
          <QuoteView quote={current} customer={customer} />
        ) : (
          <>
            <DocumentTitle
              kind="quote"
              title={title(current)}
              badge={<QuoteStatusBadge status={current.status} testId="quote-status" />}
            />
            <QuoteEditor key={current.id} quote={current} customer={customer} />
            {current.revision > 1 && <QuoteRevisions quoteId={current.id} />}
          </>
        )
      }
    </LoadedDocumentPage>
  );
}
