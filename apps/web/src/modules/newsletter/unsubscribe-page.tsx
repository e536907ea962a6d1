import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { PublicLayout } from '../../app/public-layout.tsx';
import { api, ApiError } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';

export interface UnsubscribeSearch {
  email?: string;
  token?: string;
}

/** The link's address and token as given (a numeric-looking token must stay text). */
export function parseUnsubscribeSearch(search: Record<string, unknown>): UnsubscribeSearch {
  const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
  return { email: text(search.email), token: text(search.token) };
}

/**
 * Terms art. 19: the newsletter's unsubscribe link opens this page, without a login. Only the
 * button unsubscribes (a POST), so mail scanners that follow links never unsubscribe anyone.
 */
export function UnsubscribePage() {
  const { t } = useI18n();
  const { email = '', token = '' } = useSearch({ strict: false }) as UnsubscribeSearch;
  const unsubscribe = useMutation({
    mutationFn: () =>
      api<{ unsubscribed: true }>(
        'POST',
        `/api/v1/public/newsletter/unsubscribe?email=${encodeURIComponent(email)}&token=${encodeURIComponent(token)}`,
      ),
  });
  const isInvalid =
    !email || !token || (unsubscribe.error instanceof ApiError && [400, 404].includes(unsubscribe.error.status));

  return (
    <PublicLayout title={t('unsubscribe.title')}>
      <Stack>
        {isInvalid ? (
          <Alert color="red" role="alert" data-testid="unsubscribe-invalid">
            {t('unsubscribe.invalid')}
          </Alert>
        ) : unsubscribe.isSuccess ? (
          <Alert color="green" data-testid="unsubscribe-done">
            {t('unsubscribe.done', { email })}
          </Alert>
        ) : (
          <>
            <Text size="sm">{t('unsubscribe.text', { email })}</Text>
            {unsubscribe.error && (
              <Alert color="red" role="alert">
                {t('error.generic')}
              </Alert>
            )}
            <Button
              onClick={() => unsubscribe.mutate()}
              loading={unsubscribe.isPending}
              data-testid="unsubscribe-submit"
            >
              {t('unsubscribe.submit')}
            </Button>
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}
