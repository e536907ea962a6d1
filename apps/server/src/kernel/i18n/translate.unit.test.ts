import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { nl } from './nl.ts';
import { isMessageKey, translate, type MessageKey } from './translate.ts';

const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('server catalogs', () => {
  it('has an English text for every Dutch key and nothing else', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(nl) as MessageKey[])
      expect([key, placeholdersOf(en[key])]).toEqual([key, placeholdersOf(nl[key])]);
  });

  it.each([
    'not_found',
    'validation_failed',
    'unauthorized',
    'forbidden',
    'invalid_json',
    'payload_too_large',
    'unsupported_media_type',
    'too_many_attempts',
    'version_conflict',
    'internal_error',
    'email_taken',
    'invalid_credentials',
    'email_not_verified',
    'module_not_enabled',
    'seat_limit_reached',
    'invitation_not_found',
    'invitation_email_mismatch',
    'cannot_remove_last_owner',
    'not_tenant_member',
  ])('has a title for error code %s in both languages', (code) => {
    const key = `error.${code}`;
    expect(isMessageKey(key)).toBe(true);
    if (!isMessageKey(key)) return;
    expect(translate('nl', key)).not.toBe(key);
    expect(translate('en', key)).not.toBe(key);
  });
});

describe('translate', () => {
  it('returns the text in the asked language', () => {
    expect(translate('nl', 'error.not_found')).toBe('Niet gevonden');
    expect(translate('en', 'error.not_found')).toBe('Not found');
  });

  it('fills every placeholder, also a repeated one, and leaves a missing one visible', () => {
    expect(translate('en', 'mail.greeting', { name: 'Ann' })).toBe('Hello Ann,');
    expect(translate('nl', 'mail.invitation.subject', { inviter_name: 'Bo', tenant_name: 'Acme' })).toBe(
      'Bo nodigt je uit voor Acme in Clientbox',
    );
    expect(translate('nl', 'mail.invitation.subject', { inviter_name: 'Bo' })).toBe(
      'Bo nodigt je uit voor {tenant_name} in Clientbox',
    );
  });

  it('does not treat a parameter value as a placeholder or a replacement pattern', () => {
    expect(translate('en', 'mail.greeting', { name: '{name} $& $1' })).toBe('Hello {name} $& $1,');
  });

  it('gives an unknown key back as itself and does not read inherited properties', () => {
    expect(translate('nl', 'no.such.key' as MessageKey)).toBe('no.such.key');
    expect(isMessageKey('toString')).toBe(false);
    expect(translate('en', 'mail.greeting', Object.create({ name: 'inherited' }) as Record<string, string>)).toBe(
      'Hello {name},',
    );
  });
});
