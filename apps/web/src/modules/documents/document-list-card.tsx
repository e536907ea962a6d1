import { Anchor, Group, Paper, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { DOCUMENT_LIST_PATH, type DocumentKind } from './document-kind.ts';
import { useDocumentListLabels } from './document-list-results.tsx';

/** A quote or invoice as a row of its list shows it. */
interface ListedDocument {
  id: string;
  status: string;
  number: string | null;
  customer_name: string | null;
  total_incl_vat: string;
}

/**
 * A phone shows each quote or invoice of a list as a card: its number (with `numberNote`, a
 * quote's version), status, customer, total and one date of the kind (`dateLine`).
 */
export function DocumentListCard({
  kind,
  document,
  numberNote,
  badge,
  dateLine,
}: {
  kind: DocumentKind;
  document: ListedDocument;
  numberNote?: ReactNode;
  badge: ReactNode;
  dateLine: string;
}) {
  const label = useDocumentListLabels(kind);
  const testId = (part: string) => `${kind}-${part}`;
  return (
    <Paper withBorder p="sm" data-testid={testId('row')} data-id={document.id} data-status={document.status}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Anchor
            component={Link}
            to={`${DOCUMENT_LIST_PATH[kind]}/${document.id}`}
            fw={600}
            data-testid={testId('row-number')}
          >
            {label.number(document)}
          </Anchor>
          {numberNote}
        </Group>
        {badge}
      </Group>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={testId('row-customer')}>
        {document.customer_name}
      </Text>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed">
          {dateLine}
        </Text>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid={testId('row-total')}>
          {label.total(document)}
        </Text>
      </Group>
    </Paper>
  );
}
