import { describe, expect, it } from 'vitest';
import { toSepaText } from './sepa-text.ts';

const SEPA_SET = /^[a-zA-Z0-9/\-?:().,'+ ]*$/;

describe('toSepaText (domain rules §5.1)', () => {
  it.each([
    ['Café Ünal & Zn.', 70, 'Cafe Unal + Zn.'],
    ['Bakkerij Ĳsselmeer B.V.', 70, 'Bakkerij IJsselmeer B.V.'],
    ['Straße Øresund Æbleskiver', 70, 'Strasse Oresund AEbleskiver'],
    ['Łódź “De Vries” – факт', 70, "Lodz 'De Vries' -"],
    ['info@voorbeeld.nl; ref #12', 70, 'info voorbeeld.nl ref 12'],
    ['Factuur 2026-000123 (maart)', 70, 'Factuur 2026-000123 (maart)'],
    ['  veel     spaties\n\tregel  ', 70, 'veel spaties regel'],
    ['Factuur 2026-000123 en 2026-000124', 20, 'Factuur 2026-000123'],
    ['ﬁnale ＡＢＣ', 70, 'finale ABC'],
    ['', 35, ''],
  ])('%j (max %i) → %j', (text, maxLength, expected) => {
    const result = toSepaText(text, maxLength);
    expect(result).toBe(expected);
    expect(result).toMatch(SEPA_SET);
    expect(result.length).toBeLessThanOrEqual(maxLength);
  });
});
