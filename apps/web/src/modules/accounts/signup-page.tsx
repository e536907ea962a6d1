import { signUp } from '@clientbox/contracts';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { PublicLayout } from '../../app/public-layout.tsx';
import { api } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';

export function usePublicConfig() {
  return useQuery({
    queryKey: ['public_config'],
    queryFn: () => api<{ dev_outbox: boolean; base_url: string }>('GET', '/api/v1/public/config'),
    staleTime: Infinity,
  });
}

export function SignupPage() {
  const { t, locale } = useI18n();
  const config = usePublicConfig();
  const [values, setValues] = useState({ company_name: '', name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const field = (name: keyof typeof values) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setValues({ ...values, [name]: event.currentTarget.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(signUp, { ...values, locale }, locale);
    setErrors(checked.errors);
    setGeneral(null);
    if (!checked.data) return;
    setBusy(true);
    try {
      await api('POST', '/api/v1/signup', { body: checked.data });
      setSentTo(checked.data.email);
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    } finally {
      setBusy(false);
    }
  };

  if (sentTo) {
    return (
      <PublicLayout title={t('signup.check_mail_title')}>
        <Text>{t('signup.check_mail_text', { email: sentTo })}</Text>
        {config.data?.dev_outbox && (
          <Anchor component={Link} to="/dev/outbox" mt="md" display="block">
            {t('signup.dev_outbox')}
          </Anchor>
        )}
      </PublicLayout>
    );
  }
  return (
    <PublicLayout title={t('signup.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <TextInput label={t('field.company_name')} autoComplete="organization" required {...field('company_name')} />
          <TextInput label={t('field.name')} autoComplete="name" required {...field('name')} />
          <TextInput label={t('field.email')} type="email" autoComplete="email" required {...field('email')} />
          <PasswordInput label={t('field.password')} autoComplete="new-password" required {...field('password')} />
          <Button type="submit" loading={isBusy}>
            {t('signup.submit')}
          </Button>
          <Anchor component={Link} to="/login" size="sm">
            {t('signup.have_account')}
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}
