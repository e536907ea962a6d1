import { signUp } from '@clientbox/contracts';
import { Alert, Anchor, Button, Divider, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { PublicLayout } from '../../app/public-layout.tsx';
import { api } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { OrderChoiceFields, OrderTotals } from '../orders/order-choice-fields.tsx';
import { choiceFromSearch, type OrderChoiceSearch, usePriceList } from '../orders/use-orders.ts';
import { EMPTY_IDENTITY, identityBody, SignupIdentityFields } from './signup-identity-fields.tsx';

export function usePublicConfig() {
  return useQuery({
    queryKey: ['public_config'],
    queryFn: () => api<{ dev_outbox: boolean; base_url: string }>('GET', '/api/v1/public/config'),
    staleTime: Infinity,
  });
}

/**
 * Sign-up (terms art. 4, 6, 10): who the customer is, what they intend to order (kept for the
 * order form; the demo itself has every module for 14 days) and the owner's login.
 */
export function SignupPage() {
  const { t, locale } = useI18n();
  const config = usePublicConfig();
  const prices = usePriceList();
  const search = useSearch({ strict: false }) as OrderChoiceSearch;
  const [identity, setIdentity] = useState(EMPTY_IDENTITY);
  const [choice, setChoice] = useState(() => choiceFromSearch(search));
  const [values, setValues] = useState({ name: '', email: '', password: '' });
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
    const body = { ...identityBody(identity), ...values, locale, ...choice };
    const checked = validate(signUp, body, locale);
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
    <PublicLayout title={t('signup.title')} width={600}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('signup.demo_note')}</Text>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <SignupIdentityFields values={identity} onChange={setIdentity} errors={errors} />
          <Divider my="xs" />
          <Title order={3} size="h5">
            {t('signup.your_order')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('signup.your_order_hint')}
          </Text>
          <OrderChoiceFields value={choice} onChange={setChoice} prices={prices.data?.monthlyCents} errors={errors} />
          <OrderTotals choice={choice} prices={prices.data?.monthlyCents} />
          <Divider my="xs" />
          <Title order={3} size="h5">
            {t('signup.your_login')}
          </Title>
          <TextInput label={t('field.name')} autoComplete="name" required {...field('name')} />
          <TextInput label={t('field.email')} type="email" autoComplete="email" required {...field('email')} />
          <PasswordInput label={t('field.password')} autoComplete="new-password" required {...field('password')} />
          <Button type="submit" loading={isBusy} data-testid="signup-submit">
            {t('signup.submit')}
          </Button>
          <Group justify="space-between">
            <Anchor component={Link} to="/login" size="sm">
              {t('signup.have_account')}
            </Anchor>
            <Anchor component={Link} to="/pricing" size="sm">
              {t('signup.see_pricing')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  );
}
