import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiate-locale.ts';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['EN-gb', 'en'],
    ['nl-BE', 'nl'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['fr', 'nl'],
    ['*', 'nl'],
    ['en;q=0.2,nl-BE;q=0.8', 'nl'],
    ['en;Q=0.9, nl;q=0.3', 'en'],
    ['en ; q=0.9 , nl ; q=1', 'nl'],
    ['en;q=0', 'nl'],
    ['en;q=nonsense', 'nl'],
    ['en,nl', 'en'],
    ['nl,en', 'nl'],
  ])('negotiates %j → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it('uses the given fallback when nothing matches', () => {
    expect(negotiateLocale('fr-FR', 'en')).toBe('en');
    expect(negotiateLocale(undefined, 'en')).toBe('en');
  });
});
