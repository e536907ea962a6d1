import type { Quote } from '@clientbox/contracts';
import { Button, CopyButton, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { quotePdfUrl, useConvertQuote, useReviseQuote } from './use-quotes.ts';

/** Revising is for a sent, viewed, expired or declined version that has no newer one. */
const isRevisable = (quote: Quote) =>
  ['sent', 'viewed', 'expired', 'declined'].includes(quote.status) && !quote.superseded_by_id;

/**
 * What a sent version's header offers: its PDF as sent, the customer's link to copy, a new
 * version (revise), and for an accepted quote its invoice (convert, or the link once converted).
 */
export function QuoteActions({ quote }: { quote: Quote }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const revise = useReviseQuote();
  const convert = useConvertQuote();
  const [dialog, setDialog] = useState<'revise' | 'convert' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = (which: 'revise' | 'convert') => {
    setError(null);
    setDialog(which);
  };

  const confirmRevise = async () => {
    try {
      const revision = await revise.mutateAsync(quote.id);
      setDialog(null);
      notifications.show({ color: 'green', message: t('quote.revised', { revision: revision.revision }) });
      await navigate({ to: '/quotes/$id', params: { id: revision.id } });
    } catch (failure) {
      setError(serverErrors(failure, locale).general);
    }
  };

  const confirmConvert = async () => {
    try {
      const invoice = await convert.mutateAsync(quote.id);
      setDialog(null);
      notifications.show({ color: 'green', message: t('quote.converted') });
      await navigate({ to: '/invoices/$id', params: { id: invoice.id } });
    } catch (failure) {
      setError(serverErrors(failure, locale).general);
    }
  };

  return (
    <Group gap="xs" wrap="wrap" data-testid="quote-actions">
      {quote.status === 'accepted' && !quote.invoice_id && (
        <Button color="green" onClick={() => open('convert')} data-testid="quote-convert">
          {t('quote.convert')}
        </Button>
      )}
      {quote.invoice_id && (
        <Button variant="light" component={Link} to={`/invoices/${quote.invoice_id}`} data-testid="quote-invoice-link">
          {t('quote.invoice_link')}
        </Button>
      )}
      {isRevisable(quote) && (
        <Button variant="default" onClick={() => open('revise')} data-testid="quote-revise">
          {t('quote.revise')}
        </Button>
      )}
      <Button
        component="a"
        href={quotePdfUrl(quote.id)}
        target="_blank"
        rel="noopener"
        variant="default"
        data-testid="quote-pdf"
      >
        {t('quote.pdf')}
      </Button>
      {quote.public_url && (
        <CopyButton value={quote.public_url}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'default'}
              color={copied ? 'green' : undefined}
              onClick={copy}
              data-testid="quote-copy-link"
            >
              {copied ? t('quote.link_copied') : t('quote.copy_link')}
            </Button>
          )}
        </CopyButton>
      )}
      <ConfirmDialog
        opened={dialog === 'revise'}
        title={t('quote.revise_title')}
        confirmLabel={t('quote.revise')}
        isBusy={revise.isPending}
        error={error}
        onConfirm={() => void confirmRevise()}
        onClose={() => setDialog(null)}
        testId="quote-revise-dialog"
      >
        <Text size="sm">{t('quote.revise_text')}</Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'convert'}
        title={t('quote.convert_title')}
        confirmLabel={t('quote.convert')}
        color="green"
        isBusy={convert.isPending}
        error={error}
        onConfirm={() => void confirmConvert()}
        onClose={() => setDialog(null)}
        testId="quote-convert-dialog"
      >
        <Text size="sm">{t('quote.convert_text')}</Text>
      </ConfirmDialog>
    </Group>
  );
}
