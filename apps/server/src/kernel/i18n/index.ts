export { isMessageKey, LOCALES, translate, type Locale, type MessageKey } from './translate.ts';
export { negotiateLocale } from './negotiate-locale.ts';
