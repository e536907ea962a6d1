import { describe, expect, it } from 'vitest';
import { renderMail } from './render-mail.ts';

const URL_WITH_QUERY = 'http://localhost:3000/api/auth/verify-email?token=abc&callbackURL=/';
const firstUrlIn = (text: string) => /https?:\/\/\S+/.exec(text)?.[0];

describe('renderMail', () => {
  it('renders the verification mail in Dutch and English', () => {
    const nl = renderMail('nl', 'verify_email', { name: 'Ann', url: URL_WITH_QUERY });
    expect(nl.subject).toBe('Bevestig je e-mailadres voor Clientbox');
    expect(nl.text).toContain('Hallo Ann,');
    expect(nl.html).toContain('lang="nl"');
    const en = renderMail('en', 'verify_email', { name: 'Ann', url: URL_WITH_QUERY });
    expect(en.subject).toBe('Confirm your e-mail address for Clientbox');
    expect(en.text).toContain('Hello Ann,');
    expect(en.html).toContain('lang="en"');
  });

  it.each(['verify_email', 'reset_password'] as const)(
    '%s: the link is the first URL of the text, on its own line, and both button and plain link in HTML',
    (template) => {
      const mail = renderMail('nl', template, { name: 'Ann', url: URL_WITH_QUERY });
      expect(firstUrlIn(mail.text)).toBe(URL_WITH_QUERY);
      expect(mail.text.split('\n')).toContain(URL_WITH_QUERY);
      const escapedUrl = URL_WITH_QUERY.replace('&', '&amp;');
      expect(mail.html.split(`href="${escapedUrl}"`)).toHaveLength(3);
      expect(mail.html).toContain(`>${escapedUrl}</a>`);
    },
  );

  it('escapes every parameter in the HTML version and keeps the text version plain', () => {
    const mail = renderMail('nl', 'invitation', {
      inviter_name: '<script>alert(1)</script>',
      tenant_name: 'A & B "BV"',
      role: 'admin',
      url: 'http://x.test/"onmouseover=alert(1)',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('A &amp; B &quot;BV&quot;');
    expect(mail.html).not.toContain('"onmouseover');
    expect(mail.subject).toBe('<script>alert(1)</script> nodigt je uit voor A & B "BV" in Clientbox');
    expect(mail.text).toContain('<script>alert(1)</script> nodigt je uit');
  });

  it.each([
    ['nl', 'verify_email', { name: '<script>x</script>', url: 'http://x.test/' }],
    ['en', 'reset_password', { name: '<script>x</script>', url: 'http://x.test/' }],
    ['nl', 'password_changed', { name: '<script>x</script>' }],
    ['en', 'two_factor_changed', { name: '<script>x</script>', enabled: true }],
  ] as const)('%s %s escapes a script in the name', (locale, template, params) => {
    const mail = renderMail(locale, template, params as never);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it("names the role in the reader's language and shows an unknown role as given", () => {
    const params = { inviter_name: 'Bo', tenant_name: 'Acme', url: 'http://x.test/i/1' };
    expect(renderMail('nl', 'invitation', { ...params, role: 'admin' }).text).toContain('als beheerder');
    expect(renderMail('en', 'invitation', { ...params, role: 'member' }).text).toContain('as member');
    expect(renderMail('en', 'invitation', { ...params, role: 'auditor' }).text).toContain('as auditor');
    expect(renderMail('en', 'invitation', { ...params, role: 'admin' }).subject).toBe(
      'Bo invites you to Acme on Clientbox',
    );
  });

  it('says whether two-factor authentication was switched on or off, without a link', () => {
    const on = renderMail('en', 'two_factor_changed', { name: 'A', enabled: true });
    const off = renderMail('nl', 'two_factor_changed', { name: 'A', enabled: false });
    expect(on.text).toContain('now on');
    expect(off.text).toContain('staat nu uit');
    expect(on.html).not.toContain('href=');
  });

  it('greets without a name when there is none and leaves no placeholder anywhere', () => {
    const mail = renderMail('en', 'password_changed', { name: '' });
    expect(mail.text.startsWith('Hello,\n')).toBe(true);
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/\{\w+\}/);
  });
});
