import { Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../app/language-switch.tsx';

/**
 * The frame of the customer's quote page: the supplier's name and a language switch, nothing of
 * the app (no navigation, no login, no operator footer) — the customer deals with the supplier.
 */
export function PublicQuoteLayout({ supplier, children }: { supplier: string | null; children: ReactNode }) {
  return (
    <Box bg="gray.0" mih="100vh" px={{ base: 'xs', sm: 'md' }} py="md" data-testid="public-quote-layout">
      <Box maw={960} mx="auto">
        <Group justify="space-between" wrap="nowrap" gap="sm" mb="md">
          <Text fw={700} size="lg" style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid="public-quote-brand">
            {supplier ?? ''}
          </Text>
          <LanguageSwitch isLoggedIn={false} />
        </Group>
        {children}
      </Box>
    </Box>
  );
}
