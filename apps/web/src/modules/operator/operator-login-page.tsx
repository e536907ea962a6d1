import { operatorLogin } from '@clientbox/contracts';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  MantineThemeProvider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { CONSOLE_THEME, useConsoleColors } from './use-console-colors.ts';
import { useOperatorLogin, useOperatorMe } from './use-operator.ts';

/** The console's own login (operator staff are not tenant users), in the console's colors. */
export function OperatorLoginPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { redirect } = useSearch({ strict: false }) as { redirect?: string };
  const me = useOperatorMe();
  const login = useOperatorLogin();
  useConsoleColors();
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const target = redirect && redirect.startsWith('/operator') ? redirect : '/operator';

  const isLoggedIn = Boolean(me.data);

  // Also right after a successful login, which puts the staff member into the `me` query.
  useEffect(() => {
    if (isLoggedIn) void navigate({ to: target, replace: true });
  }, [isLoggedIn]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(operatorLogin, values, locale);
    setErrors(checked.errors);
    setGeneral(null);
    if (!checked.data) return;
    try {
      await login.mutateAsync(checked.data);
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  return (
    <MantineThemeProvider theme={CONSOLE_THEME}>
      <Box bg="grape.9" mih="100vh" p="md">
        <Group justify="space-between" mb="xl" c="white" wrap="nowrap">
          <Title order={3}>{t('console.title')}</Title>
          <LanguageSwitch isLoggedIn={false} />
        </Group>
        <Center>
          <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={440}>
            <Title order={2} size="h3" mb="xs">
              {t('console.login.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('console.login.intro')}
            </Text>
            <form onSubmit={submit} noValidate data-testid="console-login-form">
              <Stack>
                {general && (
                  <Alert color="red" role="alert" data-testid="console-login-error">
                    {general}
                  </Alert>
                )}
                <TextInput
                  label={t('field.email')}
                  type="email"
                  autoComplete="username"
                  value={values.email}
                  error={errors.email}
                  onChange={(event) => setValues({ ...values, email: event.currentTarget.value })}
                  data-testid="console-login-email"
                />
                <PasswordInput
                  label={t('field.password')}
                  autoComplete="current-password"
                  value={values.password}
                  error={errors.password}
                  onChange={(event) => setValues({ ...values, password: event.currentTarget.value })}
                  data-testid="console-login-password"
                />
                <Button type="submit" loading={login.isPending} data-testid="console-login-submit">
                  {t('login.submit')}
                </Button>
                <Anchor component={Link} to="/login" size="sm">
                  {t('console.login.customer_login')}
                </Anchor>
              </Stack>
            </form>
          </Paper>
        </Center>
      </Box>
    </MantineThemeProvider>
  );
}
