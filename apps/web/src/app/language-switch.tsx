import { Select } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../shared/api/api-client.ts';
import { type Locale, useI18n } from '../shared/i18n/i18n.tsx';
import { accountKeys } from '../modules/accounts/use-me.ts';

/** nl/en; remembered in the browser, and per user on the server when logged in. */
export function LanguageSwitch({ isLoggedIn }: { isLoggedIn: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const queryClient = useQueryClient();
  const change = async (value: string | null) => {
    const next: Locale = value === 'en' ? 'en' : 'nl';
    setLocale(next);
    if (isLoggedIn) {
      await api('PATCH', '/api/v1/me', { body: { locale: next } }).catch(() => undefined);
      await queryClient.invalidateQueries({ queryKey: accountKeys.me });
    }
  };
  return (
    <Select
      aria-label={t('language.label')}
      data={[
        { value: 'nl', label: 'Nederlands' },
        { value: 'en', label: 'English' },
      ]}
      value={locale}
      onChange={change}
      allowDeselect={false}
      w={{ base: 108, sm: 130 }}
      size="xs"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
