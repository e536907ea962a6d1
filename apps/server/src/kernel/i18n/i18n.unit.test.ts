import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { negotiateLocale, translate } from './index.ts';
import { nl } from './nl.ts';

describe('server i18n', () => {
  it('has an English text for every Dutch key and nothing else', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });
  it('fills placeholders and falls back to the key', () => {
    expect(translate('en', 'mail.greeting', { name: 'Ann' })).toBe('Hello Ann,');
    expect(translate('nl', 'no.such.key')).toBe('no.such.key');
  });
  it.each([
    [undefined, 'nl'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['fr', 'nl'],
    ['en;q=0.2,nl-BE;q=0.8', 'nl'],
    ['en;q=0', 'nl'],
  ])('negotiates %s → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
