import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DocumentKind } from './document-kind.ts';

/** The heading of a quote or invoice with its status badge. */
export function DocumentTitle({ kind, title, badge }: { kind: DocumentKind; title: string; badge: ReactNode }) {
  return (
    <Group gap="sm" wrap="wrap">
      <Title order={2} data-testid={`${kind}-title`}>
        {title}
      </Title>
      {badge}
    </Group>
  );
}
