import type { DocumentLineKind } from '@clientbox/contracts';
import { type MantineSpacing, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The read-only lines table of a sent document, without its data: the app's sent quote and
 * issued invoice, and the customer's quote page (which knows nothing of the app), each bring their
 * own texts and test ids. A phone shows quantity, price, discount and VAT under the description.
 */

export interface LineColumnLabels {
  description: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  vat: string;
  total: string;
}

export function LineTable({
  labels,
  testId,
  horizontalSpacing,
  children,
}: {
  labels: LineColumnLabels;
  testId: string;
  horizontalSpacing?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <Table verticalSpacing="xs" horizontalSpacing={horizontalSpacing} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{labels.description}</Table.Th>
          <Table.Th visibleFrom="sm">{labels.quantity}</Table.Th>
          <Table.Th visibleFrom="sm" ta="right">
            {labels.unitPrice}
          </Table.Th>
          <Table.Th visibleFrom="sm" ta="right">
            {labels.discount}
          </Table.Th>
          <Table.Th visibleFrom="sm" ta="right">
            {labels.vat}
          </Table.Th>
          <Table.Th ta="right">{labels.total}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}

/** A heading or text line: its text over the whole width. */
export function TextLineRow({
  kind,
  description,
  testId,
}: {
  kind: Exclude<DocumentLineKind, 'item'>;
  description: string;
  testId: string;
}) {
  return (
    <Table.Tr data-testid={testId} data-kind={kind}>
      <Table.Td
        colSpan={6}
        fw={kind === 'heading' ? 700 : undefined}
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {description}
      </Table.Td>
    </Table.Tr>
  );
}

/** The cells of an item, its amounts already written out; `note` goes under the description. */
export function ItemLineCells({
  description,
  productCode,
  quantity,
  price,
  discount,
  vat,
  total,
  note,
  totalTestId,
  isTotalDimmed = false,
}: {
  description: ReactNode;
  productCode: string | null;
  quantity: string;
  price: string;
  /** Empty when the line has no discount. */
  discount: string;
  vat: string;
  total: string;
  note?: ReactNode;
  totalTestId: string;
  isTotalDimmed?: boolean;
}) {
  return (
    <>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        {description}
        {productCode && (
          <Text size="xs" c="dimmed">
            {productCode}
          </Text>
        )}
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {quantity} × {price} · {vat}
          {discount ? ` · −${discount}` : ''}
        </Text>
        {note}
      </Table.Td>
      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
        {quantity}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {price}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {discount}
      </Table.Td>
      <Table.Td visibleFrom="sm" ta="right">
        {vat}
      </Table.Td>
      <Table.Td
        ta="right"
        c={isTotalDimmed ? 'dimmed' : undefined}
        style={{ whiteSpace: 'nowrap' }}
        data-testid={totalTestId}
      >
        {total}
      </Table.Td>
    </>
  );
}
