import { formatDateTime } from '../../shared/i18n/format-date.ts';
import type { OutboxMessage } from '@clientbox/contracts';
import { Anchor, Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { api, type List } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';

/** Plain text with its links clickable, so a verification link can be followed from here. */
function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <Text component="pre" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit' }}>
      {parts.map((part, index) =>
        part.match(/^https?:\/\//) ? (
          <Anchor key={index} href={part}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </Text>
  );
}

export function OutboxPage() {
  const { t, locale } = useI18n();
  const [openId, setOpenId] = useState<string | null>(null);
  const outbox = useQuery({
    queryKey: ['dev_outbox'],
    queryFn: () => api<List<OutboxMessage>>('GET', '/api/v1/dev/outbox'),
    refetchInterval: 3000,
  });
  const messages = outbox.data?.data ?? [];
  return (
    <Box p="md" maw={900} mx="auto">
      <Title order={2}>{t('outbox.title')}</Title>
      <Text c="dimmed" mb="md">
        {t('outbox.text')}
      </Text>
      {messages.length === 0 && <Text>{t('outbox.empty')}</Text>}
      <Stack>
        {messages.map((message) => (
          <Card key={message.id} withBorder>
            <Group justify="space-between" wrap="wrap">
              <Anchor
                component="button"
                type="button"
                fw={600}
                onClick={() => setOpenId(openId === message.id ? null : message.id)}
              >
                {message.subject}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('outbox.to')}: {message.to} · {formatDateTime(message.sent_at, locale)}
              </Text>
            </Group>
            {openId === message.id && (
              <Stack mt="sm">
                <TextWithLinks text={message.text} />
                <iframe
                  title={message.subject}
                  srcDoc={message.html}
                  sandbox="allow-popups allow-top-navigation-by-user-activation"
                  style={{ width: '100%', height: 420, border: '1px solid #ddd', borderRadius: 4 }}
                />
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
    </Box>
  );
}
