import { en } from './en.ts';
import { type MessageKey, nl } from './nl.ts';

export type Locale = 'nl' | 'en';
export type { MessageKey };

const catalogs: Record<Locale, Record<MessageKey, string>> = { nl, en };

/** The message for `key` with `{name}` placeholders filled; an unknown key comes back as itself. */
export function translate(locale: Locale, key: MessageKey | string, params: Record<string, string> = {}): string {
  const template = catalogs[locale][key as MessageKey] ?? catalogs.nl[key as MessageKey] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Picks nl or en from an Accept-Language header; Dutch when nothing matches. */
export function negotiateLocale(header: string | undefined, fallback: Locale = 'nl'): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...options] = part.trim().split(';');
      const quality = options.find((option) => option.trim().startsWith('q='));
      return { language: tag.trim().slice(0, 2).toLowerCase(), quality: quality ? Number(quality.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  const match = ranked.find((entry) => entry.language === 'nl' || entry.language === 'en');
  return (match?.language as Locale | undefined) ?? fallback;
}
