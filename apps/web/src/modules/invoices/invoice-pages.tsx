import { Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { DocumentPageFrame, LoadedDocumentPage } from '../documents/document-page.tsx';
import { DocumentTitle } from '../documents/document-title.tsx';
import { InvoiceEditor } from './invoice-editor.tsx';
import { InvoiceStatusBadge } from './invoice-status-badge.tsx';
import { InvoiceView } from './invoice-view.tsx';
import { useInvoice } from './use-invoices.ts';

/** `/invoices/new` */
export function InvoiceCreatePage() {
  const { t } = useI18n();
  return (
    <DocumentPageFrame kind="invoice">
      <Title order={2}>{t('invoice.new_title')}</Title>
      <InvoiceEditor customer={null} />
    </DocumentPageFrame>
  );
}

/** `/invoices/$id`: the editor while it is a draft, the issued invoice read-only after that. */
export function InvoicePage() {
  const { t } = useI18n();
  const { id } = useParams({ strict: false }) as { id: string };
  const invoice = useInvoice(id);
  return (
    <LoadedDocumentPage kind="invoice" document={invoice}>
      {(current, customer) =>
        current.status !== 'draft' ? (
          <InvoiceView invoice={current} customer={customer} />
        ) : (
          <>
            <DocumentTitle
              kind="invoice"
              title={t('invoice.draft_title')}
              badge={<InvoiceStatusBadge status={current.status} testId="invoice-status" />}
            />
            <InvoiceEditor key={current.id} invoice={current} customer={customer} />
          </>
        )
      }
    </LoadedDocumentPage>
  );
}
