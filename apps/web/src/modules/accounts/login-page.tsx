import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { PublicLayout } from '../../app/public-layout.tsx';
import { authClient } from '../../shared/api/auth-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';

type Step = 'password' | 'totp' | 'backup';

export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { redirect } = useSearch({ strict: false }) as { redirect?: string };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>('password');
  const [message, setMessage] = useState<string | null>(null);
  const [isUnverified, setUnverified] = useState(false);
  const [isBusy, setBusy] = useState(false);

  const done = async () => {
    // Forget everything cached while logged out (such as "not logged in").
    await queryClient.resetQueries();
    await navigate({ to: redirect && redirect.startsWith('/') ? redirect : '/' });
  };

  const submitPassword = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setUnverified(false);
    let retryAfter = 0;
    const { data, error } = await authClient.signIn.email(
      { email, password },
      { onError: (context) => void (retryAfter = Number(context.response.headers.get('retry-after') ?? 0)) },
    );
    setBusy(false);
    if (error) {
      if (error.status === 429) {
        const seconds = retryAfter || 15 * 60;
        setMessage(t('login.throttled', { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
      } else if (error.status === 403) {
        setUnverified(true);
        setMessage(t('login.unverified'));
      } else setMessage(t('error.invalid_credentials'));
      return;
    }
    if (data && 'twoFactorRedirect' in data && data.twoFactorRedirect) return setStep('totp');
    await done();
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result =
      step === 'totp'
        ? await authClient.twoFactor.verifyTotp({ code })
        : await authClient.twoFactor.verifyBackupCode({ code });
    setBusy(false);
    if (result.error) return setMessage(t('error.invalid_code'));
    await done();
  };

  const resend = async () => {
    await authClient.sendVerificationEmail({ email, callbackURL: '/' });
    notifications.show({ message: t('login.resent') });
  };

  if (step !== 'password') {
    return (
      <PublicLayout title={t('login.two_factor_title')}>
        <form onSubmit={submitCode}>
          <Stack>
            <Text size="sm">{t('login.two_factor_text')}</Text>
            {message && (
              <Alert color="red" role="alert">
                {message}
              </Alert>
            )}
            <TextInput
              label={t('field.code')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              autoComplete="one-time-code"
              inputMode={step === 'totp' ? 'numeric' : 'text'}
              required
            />
            <Button type="submit" loading={isBusy}>
              {t('login.verify')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => setStep(step === 'totp' ? 'backup' : 'totp')}
            >
              {step === 'totp' ? t('login.use_backup') : t('login.use_totp')}
            </Anchor>
          </Stack>
        </form>
      </PublicLayout>
    );
  }
  return (
    <PublicLayout title={t('login.title')}>
      <form onSubmit={submitPassword}>
        <Stack>
          {message && (
            <Alert color={isUnverified ? 'yellow' : 'red'} role="alert">
              {message}
              {isUnverified && (
                <Anchor component="button" type="button" display="block" mt="xs" onClick={resend}>
                  {t('login.resend')}
                </Anchor>
              )}
            </Alert>
          )}
          <TextInput
            label={t('field.email')}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t('field.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
          />
          <Button type="submit" loading={isBusy}>
            {t('login.submit')}
          </Button>
          <Group justify="space-between">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('login.forgot')}
            </Anchor>
            <Anchor component={Link} to="/signup" size="sm">
              {t('login.no_account')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  );
}
