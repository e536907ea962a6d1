/**
 * Units of measure as UN/ECE Recommendation 20 codes: what UBL and Peppol BIS (BT-130,
 * `unitCode`) carry on an invoice line. People see the label; documents carry the code.
 * `aliases` are the words a spreadsheet column may hold instead of the code (CSV import).
 */
export const UNITS = [
  { code: 'C62', nl: 'stuk', en: 'piece', aliases: ['stuks', 'st', 'pieces', 'pcs', 'pc', 'unit', 'units', 'x'] },
  { code: 'HUR', nl: 'uur', en: 'hour', aliases: ['uren', 'u', 'hours', 'hr', 'hrs', 'h'] },
  { code: 'MIN', nl: 'minuut', en: 'minute', aliases: ['minuten', 'minutes', 'min'] },
  { code: 'DAY', nl: 'dag', en: 'day', aliases: ['dagen', 'days', 'd'] },
  { code: 'WEE', nl: 'week', en: 'week', aliases: ['weken', 'weeks', 'wk'] },
  { code: 'MON', nl: 'maand', en: 'month', aliases: ['maanden', 'months', 'mnd', 'mo'] },
  { code: 'ANN', nl: 'jaar', en: 'year', aliases: ['jaren', 'years', 'jr', 'yr'] },
  { code: 'KMT', nl: 'kilometer', en: 'kilometre', aliases: ['kilometers', 'kilometres', 'km'] },
  { code: 'MTR', nl: 'meter', en: 'metre', aliases: ['meters', 'metres', 'm'] },
  { code: 'MTK', nl: 'm²', en: 'm²', aliases: ['m2', 'vierkante meter', 'square metre', 'square meter'] },
  { code: 'MTQ', nl: 'm³', en: 'm³', aliases: ['m3', 'kubieke meter', 'cubic metre', 'cubic meter'] },
  { code: 'KGM', nl: 'kilogram', en: 'kilogram', aliases: ['kilo', 'kg', 'kilograms'] },
  { code: 'LTR', nl: 'liter', en: 'litre', aliases: ['liters', 'litres', 'l'] },
  { code: 'SET', nl: 'set', en: 'set', aliases: ['sets'] },
  { code: 'PR', nl: 'paar', en: 'pair', aliases: ['paren', 'pairs'] },
  { code: 'LS', nl: 'forfait', en: 'lump sum', aliases: ['post', 'vast bedrag', 'fixed price'] },
  { code: 'E48', nl: 'dienst', en: 'service unit', aliases: ['diensten', 'service', 'services'] },
] as const;

export type UnitCode = (typeof UNITS)[number]['code'];
export const UNIT_CODES = UNITS.map((unit) => unit.code) as [UnitCode, ...UnitCode[]];

export function isUnitCode(value: string): value is UnitCode {
  return (UNIT_CODES as string[]).includes(value);
}

/** The readable label of a unit code ("HUR" → "uur"); an unknown code is shown as itself. */
export function unitLabel(code: string, locale: 'nl' | 'en'): string {
  return UNITS.find((unit) => unit.code === code)?.[locale] ?? code;
}

/** A spreadsheet's unit ("Uren", "hour", "hur", "m2") → its code; null when nothing matches. */
export function unitCodeFrom(text: string): UnitCode | null {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  const unit = UNITS.find(
    (candidate) =>
      candidate.code.toLowerCase() === wanted ||
      candidate.nl.toLowerCase() === wanted ||
      candidate.en.toLowerCase() === wanted ||
      (candidate.aliases as readonly string[]).includes(wanted),
  );
  return unit?.code ?? null;
}
