import { password as passwordSchema } from '@clientbox/contracts';
import { Alert, Button, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { PublicLayout } from '../../app/public-layout.tsx';
import { api } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../shared/i18n/nl.ts';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { useMe } from './use-me.ts';

interface PublicInvitation {
  id: string;
  tenant_name: string;
  inviter_name: string;
  email: string;
  role: 'owner' | 'admin' | 'member';
  has_account: boolean;
  status: string;
}

export function AcceptInvitationPage() {
  const { t, locale } = useI18n();
  const { id } = useParams({ strict: false }) as { id: string };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const invitation = useQuery({
    queryKey: ['invitation', id],
    queryFn: () => api<PublicInvitation>('GET', `/api/v1/invitations/${id}/public`),
  });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  if (invitation.isLoading || me.isLoading)
    return (
      <PublicLayout title="…">
        <Loader />
      </PublicLayout>
    );
  if (!invitation.data)
    return (
      <PublicLayout title={t('error.not_found')}>
        <Text>{t('invitation.not_pending')}</Text>
      </PublicLayout>
    );
  const data = invitation.data;
  const title = t('invitation.title', { tenant: data.tenant_name });

  const accept = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    let body: Record<string, string> = {};
    if (!me.data) {
      const passwordCheck = validate(passwordSchema, password, locale).errors[''];
      const found: FieldErrors = {};
      if (!name.trim()) found.name = t('error.required');
      if (passwordCheck) found.password = passwordCheck;
      setErrors(found);
      if (!name.trim() || passwordCheck) return;
      body = { name, password, locale };
    }
    try {
      await api('POST', `/api/v1/invitations/${id}/accept`, { body });
      await queryClient.resetQueries();
      await navigate({ to: '/' });
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  const intro = (
    <Text mb="md">
      {t('invitation.text', { inviter: data.inviter_name, role: t(`role.${data.role}` as MessageKey).toLowerCase() })}
    </Text>
  );
  if (data.status !== 'pending')
    return (
      <PublicLayout title={title}>
        <Alert color="yellow">{t('invitation.not_pending')}</Alert>
      </PublicLayout>
    );
  if (data.has_account && !me.data) {
    return (
      <PublicLayout title={title}>
        {intro}
        <Text mb="md">{t('invitation.login_first')}</Text>
        <Button onClick={() => navigate({ to: '/login', search: { redirect: `/invitations/${id}/accept` } })}>
          {t('login.submit')}
        </Button>
      </PublicLayout>
    );
  }
  return (
    <PublicLayout title={title}>
      {intro}
      <form onSubmit={accept} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <TextInput label={t('field.email')} value={data.email} readOnly />
          {!me.data && (
            <>
              <TextInput
                label={t('field.name')}
                autoComplete="name"
                value={name}
                error={errors.name}
                onChange={(e) => setName(e.currentTarget.value)}
                required
              />
              <PasswordInput
                label={t('field.password')}
                autoComplete="new-password"
                value={password}
                error={errors.password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
            </>
          )}
          <Button type="submit">{t('invitation.accept')}</Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
