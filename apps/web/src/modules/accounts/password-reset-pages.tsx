import { password as passwordSchema } from '@clientbox/contracts';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Link, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { PublicLayout } from '../../app/public-layout.tsx';
import { authClient } from '../../shared/api/auth-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { validate } from '../../shared/ui/form-errors.ts';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [isSent, setSent] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await authClient.requestPasswordReset({ email, redirectTo: '/reset-password' });
    setSent(true);
  };
  return (
    <PublicLayout title={t('forgot.title')}>
      {isSent ? (
        <Text role="status">{t('forgot.sent')}</Text>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <TextInput
              label={t('field.email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
            />
            <Button type="submit">{t('forgot.submit')}</Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" mt="md" display="block">
        {t('common.back_to_login')}
      </Anchor>
    </PublicLayout>
  );
}

export function ResetPasswordPage() {
  const { t, locale } = useI18n();
  const { token, error: linkError } = useSearch({ strict: false }) as { token?: string; error?: string };
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [state, setState] = useState<'form' | 'done' | 'invalid'>(token && !linkError ? 'form' : 'invalid');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(passwordSchema, password, locale);
    setFieldError(checked.errors['']);
    if (checked.data === undefined || !token) return;
    const { error } = await authClient.resetPassword({ newPassword: password, token });
    setState(error ? 'invalid' : 'done');
  };
  return (
    <PublicLayout title={t('reset.title')}>
      {state === 'done' && (
        <Alert color="green" role="status">
          {t('reset.done')}
        </Alert>
      )}
      {state === 'invalid' && (
        <Alert color="red" role="alert">
          {t('reset.invalid')}
        </Alert>
      )}
      {state === 'form' && (
        <form onSubmit={submit}>
          <Stack>
            <PasswordInput
              label={t('field.new_password')}
              autoComplete="new-password"
              value={password}
              error={fieldError}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
            />
            <Button type="submit">{t('reset.submit')}</Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" mt="md" display="block">
        {t('common.back_to_login')}
      </Anchor>
    </PublicLayout>
  );
}
