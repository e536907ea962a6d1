import { en } from './en.ts';
import { type MessageKey, nl } from './nl.ts';

export type Locale = 'nl' | 'en';
export type { MessageKey };

export const LOCALES: readonly Locale[] = ['nl', 'en'];

const catalogs: Record<Locale, Record<MessageKey, string>> = { nl, en };

/** For keys built at run time (`error.${code}`): narrows a string to a key the catalogs have. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(nl, key);
}

/**
 * The message for `key` with `{name}` placeholders filled. A placeholder without a value stays
 * visible rather than vanishing, so a missing parameter shows up in a test or a screenshot. An
 * unknown key (only reachable through a cast) comes back as itself.
 */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = isMessageKey(key) ? catalogs[locale][key] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
