import { divideHalfUp, formatDecimal, parseDecimal, pow10 } from './decimal.ts';

/** Amounts are integer cents; unit prices carry up to 4 decimals; quantities up to 4 as well. */
export const CENTS_SCALE = 2;
export const UNIT_PRICE_SCALE = 4;
export const QUANTITY_SCALE = 4;
export const PERCENT_SCALE = 4;

export type Cents = bigint;

export const parseAmount = (input: string): Cents => parseDecimal(input, CENTS_SCALE);
export const formatAmount = (cents: Cents): string => formatDecimal(cents, CENTS_SCALE);
/** Unit price in ten-thousandths of a euro: "0.1250" → 1250n. */
export const parseUnitPrice = (input: string): bigint => parseDecimal(input, UNIT_PRICE_SCALE);
export const formatUnitPrice = (units: bigint): string => formatDecimal(units, UNIT_PRICE_SCALE);
export const parseQuantity = (input: string): bigint => parseDecimal(input, QUANTITY_SCALE);

/** Rounds a decimal string with any number of decimals to cents, half away from zero. */
export function roundToCents(input: string): Cents {
  const fraction = /\.(\d+)$/.exec(input.trim())?.[1]?.length ?? 0;
  const scale = Math.max(fraction, CENTS_SCALE);
  return divideHalfUp(parseDecimal(input, scale), pow10(scale - CENTS_SCALE));
}

/** Line net = roundHalfUp(quantity × unit price) to cents (EN 16931 BR-DEC, PEPPOL R120). */
export function lineNet(quantity: string, unitPrice: string): Cents {
  const product = parseQuantity(quantity) * parseUnitPrice(unitPrice);
  return divideHalfUp(product, pow10(QUANTITY_SCALE + UNIT_PRICE_SCALE - CENTS_SCALE));
}

/** roundHalfUp(base × rate / 100): the VAT of one rate group, the only VAT rounding (§2.3). */
export function percentOf(base: Cents, ratePercent: string): Cents {
  return divideHalfUp(base * parseDecimal(ratePercent, PERCENT_SCALE), 100n * pow10(PERCENT_SCALE));
}

/** VAT inside a gross (VAT-inclusive) amount: roundHalfUp(G × r / (100 + r)). */
export function vatFromGross(gross: Cents, ratePercent: string): Cents {
  const rate = parseDecimal(ratePercent, PERCENT_SCALE);
  return divideHalfUp(gross * rate, 100n * pow10(PERCENT_SCALE) + rate);
}

export function sum(amounts: Cents[]): Cents {
  return amounts.reduce((total, amount) => total + amount, 0n);
}

/** Display: `€ 1.210,00` in Dutch, `€1,210.00` in English. */
export function formatMoney(cents: Cents, locale: 'nl' | 'en'): string {
  const negative = cents < 0n;
  const [whole = '0', fraction = '00'] = formatAmount(negative ? -cents : cents).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'nl' ? '.' : ',');
  const number = locale === 'nl' ? `${grouped},${fraction}` : `${grouped}.${fraction}`;
  return locale === 'nl' ? `€ ${negative ? '-' : ''}${number}` : `${negative ? '-' : ''}€${number}`;
}
