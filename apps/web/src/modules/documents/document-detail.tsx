import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One fact in the header of a sent quote or issued invoice: a small label above its value. */
export function DocumentDetail({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
