import { BASE_MODULES, formatMoney, MODULE_NAMES, type ModuleName, parseAmount } from '@clientbox/contracts';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../shared/i18n/nl.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The modules a customer can add to the base package (art. 11), in the order of terms art. 2. */
export const ADD_ON_MODULES: readonly ModuleName[] = MODULE_NAMES.filter((name) => !BASE_MODULES.includes(name));

/** '25.00' → '€ 25,00' (nl) or '€25.00' (en). */
export function formatPrice(amount: string, locale: Locale): string {
  return formatMoney(parseAmount(amount), locale);
}

export function moduleLabel(t: Translate, name: ModuleName): string {
  return t(`module.${name}`);
}

/** A price-list item ('base', 'extra_user', 'module:quotes') as the customer reads it. */
export function priceItemLabel(t: Translate, item: string): string {
  if (item === 'base') return t('price.base');
  if (item === 'extra_user') return t('price.extra_user');
  const name = item.replace(/^module:/, '');
  return (MODULE_NAMES as readonly string[]).includes(name) ? moduleLabel(t, name as ModuleName) : item;
}
