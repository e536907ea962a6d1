import { describe, expect, it } from 'vitest';
import { buildSearchText, escapeLike, parseSearchQuery } from './search-text.ts';

describe('search text of a relation', () => {
  it('holds lower-cased names, e-mails, identifiers and each phone as E.164 and as dialled at home', () => {
    expect(
      buildSearchText({
        names: ['Jansen  Installatie B.V.', null, 'Jansen  installatie b.v.'],
        emails: ['Info@Jansen.nl'],
        phoneNumbers: ['+31612345678', '+32470123456'],
        identifiers: ['12345678', 'NL004495445B01', 'D00001', undefined],
      }),
    ).toBe(
      'jansen installatie b.v. info@jansen.nl +31612345678 0612345678 +32470123456 0470123456 12345678 nl004495445b01 d00001',
    );
  });
});

describe('search query', () => {
  it.each([
    ['06 12345678', '+31612345678', ['+31612345678']],
    ['+31 (0)6 1234 5678', '+31612345678', ['+31612345678']],
    ['020-1234567', '+31201234567', ['+31201234567']],
    ['0612 34', null, ['061234']],
  ])('reads %j as the number %s, searched as %j', (raw, e164, words) => {
    const query = parseSearchQuery(raw);
    expect(query).toMatchObject({ e164, words, isNumeric: true });
  });

  it('keeps words of a name, in any order, and an identifier without its separators', () => {
    expect(parseSearchQuery('  Bakkerij   Van den BERG ')).toMatchObject({
      text: 'bakkerij van den berg',
      words: ['bakkerij', 'van', 'den', 'berg'],
      e164: null,
      identifier: null,
      isNumeric: false,
    });
    expect(parseSearchQuery('nl 0044.95445-b01').identifier).toBe('NL004495445B01');
    expect(parseSearchQuery('1234 5678')).toMatchObject({ identifier: '12345678', e164: null });
  });

  it('escapes LIKE wildcards', () => expect(escapeLike('100%_\\')).toBe('100\\%\\_\\\\'));
});
