import { Box, Center, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../shared/i18n/i18n.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { OperatorFooter } from './operator-identity.tsx';

/** The frame of the pages before login: a card in the middle, the language switch on top, the operator below. */
export function PublicLayout({
  title,
  children,
  width = 440,
}: {
  title: string;
  children: ReactNode;
  /** Wider for the pricing table and the sign-up form with its order choice. */
  width?: number;
}) {
  const { t } = useI18n();
  return (
    <Box bg="gray.0" mih="100vh" p="md">
      <Group justify="space-between" mb="xl">
        <Title order={3}>{t('app.name')}</Title>
        <LanguageSwitch isLoggedIn={false} />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={width}>
          <Title order={2} size="h3" mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Center>
      <Box maw={860} mx="auto">
        <OperatorFooter />
      </Box>
    </Box>
  );
}
