import {
  type BankStatementEntry,
  formatMoney,
  type Invoice,
  matchBankStatementEntry,
  parseAmount,
} from '@clientbox/contracts';
import { Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { useCheckedSubmit } from '../../../shared/ui/use-checked-submit.ts';
import { useMatchEntry, useOpenInvoices } from './use-bank-statements.ts';

/** The invoice the server proposed, else the only open invoice of exactly this amount. */
function preselected(entry: BankStatementEntry, invoices: Invoice[]): string | null {
  const proposed = entry.invoice_id ?? entry.suggested_invoice_ids[0];
  if (proposed) return proposed;
  const sameAmount = invoices.filter((invoice) => invoice.amount_due === entry.amount);
  return sameAmount.length === 1 ? sameAmount[0]!.id : null;
}

/**
 * "Koppelen": book a received amount on an open invoice the server could not pick itself. The
 * suggested invoices come first; the list is searched by number, customer or amount.
 */
export function EntryMatchDialog({ entry, onClose }: { entry: BankStatementEntry; onClose(): void }) {
  const { t, locale } = useI18n();
  const invoices = useOpenInvoices(true);
  const match = useMatchEntry();
  const [chosen, setChosen] = useState<string | null>(null);
  const rows = useMemo(() => invoices.data ?? [], [invoices.data]);
  const selected = chosen ?? preselected(entry, rows);
  const options = useMemo(() => {
    const isSuggested = (invoice: Invoice) =>
      invoice.id === entry.invoice_id || entry.suggested_invoice_ids.includes(invoice.id);
    return [...rows]
      .sort((a, b) => Number(isSuggested(b)) - Number(isSuggested(a)))
      .map((invoice) => {
        const label = t('bank_statement.match_option', {
          number: invoice.number ?? '',
          customer: invoice.customer_name ?? t('bank_statement.none'),
          amount: formatMoney(parseAmount(invoice.amount_due), locale),
        });
        return {
          value: invoice.id,
          label: isSuggested(invoice) ? `${label} (${t('bank_statement.match_suggested')})` : label,
        };
      });
  }, [rows, entry, t, locale]);
  const form = useCheckedSubmit(matchBankStatementEntry, async (body) => {
    await match.mutateAsync({ entryId: entry.id, invoiceId: body.invoice_id });
    notifications.show({ color: 'green', message: t('bank_statement.matched') });
    onClose();
  });
  return (
    <ConfirmDialog
      opened
      title={t('bank_statement.match_title')}
      confirmLabel={t('bank_statement.match')}
      isBusy={match.isPending}
      error={form.general}
      onConfirm={() => void form.submit({ invoice_id: selected ?? '' })}
      onClose={onClose}
      testId="entry-match-dialog"
    >
      <Text size="sm">
        {t('bank_statement.match_summary', {
          amount: formatMoney(parseAmount(entry.amount), locale),
          counterparty: entry.counterparty_name ?? t('bank_statement.none'),
          date: entry.booking_date ? formatDate(entry.booking_date, locale) : t('bank_statement.none'),
        })}
      </Text>
      {entry.remittance_text && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {entry.remittance_text}
        </Text>
      )}
      <Select
        label={t('bank_statement.match_invoice')}
        placeholder={t('bank_statement.match_invoice_placeholder')}
        data={options}
        value={selected}
        onChange={setChosen}
        searchable
        nothingFoundMessage={t('bank_statement.no_open_invoices')}
        disabled={!invoices.data}
        error={form.errors.invoice_id}
        data-testid="entry-match-invoice"
        data-autofocus
      />
    </ConfirmDialog>
  );
}
