import { type Cents, formatMoney, type VatCategory } from '@clientbox/contracts';
import { Divider, Group, type MantineRadius, Paper, Stack, Text, type TitleOrder, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';

/**
 * The totals of a document, without its data: the app's draft preview, sent quote and issued
 * invoice, and the customer's quote page (which knows nothing of the app), each with their own
 * texts and test ids.
 */

export interface VatGroupTotal {
  category: VatCategory;
  rate: string | null;
  base: Cents;
  vat: Cents;
}

/** The amounts from subtotal to total incl. VAT, as `computeDocumentTotals` gives them. */
export interface VatTotals {
  lines_total: Cents;
  discount_total: Cents;
  total_excl_vat: Cents;
  vat_breakdown: readonly VatGroupTotal[];
  total_incl_vat: Cents;
}

export interface VatTotalsTexts {
  linesTotal: string;
  /** "Korting 10%". */
  discount: string;
  exclVat: string;
  vatGroup(group: VatGroupTotal): string;
  inclVat: string;
}

export function TotalsRow({
  label,
  amount,
  testId,
  isStrong,
}: {
  label: string;
  amount: Cents;
  testId?: string;
  isStrong?: boolean;
}) {
  const { locale } = useI18n();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid={testId}>
      <Text size="sm" fw={isStrong ? 700 : undefined} style={{ minWidth: 0 }}>
        {label}
      </Text>
      <Text
        size="sm"
        fw={isStrong ? 700 : undefined}
        style={{ whiteSpace: 'nowrap' }}
        data-testid={testId ? `${testId}-amount` : undefined}
      >
        {formatMoney(amount, locale)}
      </Text>
    </Group>
  );
}

/** Subtotal and discount (when there is one), excl. VAT, the VAT per category and rate (each on its own base), incl. VAT. */
export function VatTotalsRows({
  totals,
  texts,
  testIdPrefix,
}: {
  totals: VatTotals;
  texts: VatTotalsTexts;
  /** `quote` gives `quote-total-excl`, `quote-vat-row`, … */
  testIdPrefix: string;
}) {
  const testId = (part: string) => `${testIdPrefix}-${part}`;
  return (
    <>
      {totals.discount_total > 0n && (
        <>
          <TotalsRow label={texts.linesTotal} amount={totals.lines_total} testId={testId('lines-total')} />
          <TotalsRow label={texts.discount} amount={-totals.discount_total} testId={testId('discount-total')} />
        </>
      )}
      <TotalsRow label={texts.exclVat} amount={totals.total_excl_vat} testId={testId('total-excl')} />
      {totals.vat_breakdown.map((group) => (
        <TotalsRow
          key={`${group.category}:${group.rate ?? ''}`}
          label={texts.vatGroup(group)}
          amount={group.vat}
          testId={testId('vat-row')}
        />
      ))}
      <Divider />
      <TotalsRow label={texts.inclVat} amount={totals.total_incl_vat} testId={testId('total-incl')} isStrong />
    </>
  );
}

/** The panel the totals stand in, updated live (`aria-live`) while lines or options change. */
export function TotalsPanelFrame({
  title,
  titleOrder,
  radius,
  testId,
  hint,
  children,
}: {
  title: string;
  titleOrder: TitleOrder;
  radius?: MantineRadius;
  testId: string;
  /** Under the title, above the amounts. */
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius={radius} data-testid={testId} aria-live="polite">
      <Title order={titleOrder} size="h5" mb="xs">
        {title}
      </Title>
      {hint}
      <Stack gap={6}>{children}</Stack>
    </Paper>
  );
}
