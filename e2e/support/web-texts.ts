import { en } from '../../apps/web/src/shared/i18n/en.ts';
import { type MessageKey, nl } from '../../apps/web/src/shared/i18n/nl.ts';

export type { MessageKey };

type Params = Record<string, string | number>;

const CATALOGS: Record<'nl' | 'en', Record<MessageKey, string>> = { nl, en };

/**
 * A text exactly as the web app shows it, from the app's own catalogs (with `{name}` filled in
 * as its `t()` does): a journey that reads a label or message this way keeps up when the
 * wording changes, and fails only when the screen stops showing it.
 */
export function webText(locale: 'nl' | 'en', key: MessageKey, params: Params = {}): string {
  return CATALOGS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** A text as the Dutch screens show it (Dutch is the app's default language). */
export const dutchText = (key: MessageKey, params?: Params): string => webText('nl', key, params);

/** A text as the English screens show it. */
export const englishText = (key: MessageKey, params?: Params): string => webText('en', key, params);
