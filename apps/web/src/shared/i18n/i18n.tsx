import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { type MessageKey, nl } from './nl.ts';

export type Locale = 'nl' | 'en';
const catalogs: Record<Locale, Record<MessageKey, string>> = { nl, en };
const STORAGE_KEY = 'clientbox.locale';

/** The language chosen before; else English for an English browser; else Dutch. */
export function storedLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'nl') return stored;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** Translation of a server error code, when the catalog knows it. */
export function hasMessage(key: string): key is MessageKey {
  return key in nl;
}

interface I18n {
  locale: Locale;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18n | null>(null);
let currentLocale: Locale = storedLocale();

/** The locale outside React (the API client sends it as Accept-Language). */
export function getLocale(): Locale {
  return currentLocale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    currentLocale = next;
    setLocaleState(next);
  }, []);
  useEffect(() => {
    currentLocale = locale;
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * Part of the page in a language of its own instead of the app's: the customer's quote page
 * speaks the quote's language. Nothing is stored; `setLocale` switches only this part.
 */
export function LocaleScope({
  locale,
  setLocale,
  children,
}: {
  locale: Locale;
  setLocale(locale: Locale): void;
  children: ReactNode;
}) {
  useEffect(() => {
    const previous = document.documentElement.lang;
    document.documentElement.lang = locale;
    return () => void (document.documentElement.lang = previous);
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
