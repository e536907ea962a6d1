import { describe, expect, it } from 'vitest';
import { renderMail } from './render-mail.ts';

describe('renderMail', () => {
  it('renders the verification mail in Dutch and English with the link as button and as plain text', () => {
    const url = 'http://localhost:3000/api/auth/verify-email?token=abc&callbackURL=/';
    const nl = renderMail('nl', 'verify_email', { name: 'Ann', url });
    expect(nl.subject).toBe('Bevestig je e-mailadres voor Clientbox');
    expect(nl.text).toContain('Hallo Ann,');
    expect(nl.text).toContain(url);
    expect(nl.html).toContain('href="http://localhost:3000/api/auth/verify-email?token=abc&amp;callbackURL=/"');
    const en = renderMail('en', 'verify_email', { name: 'Ann', url });
    expect(en.subject).toBe('Confirm your e-mail address for Clientbox');
    expect(en.html).toContain('lang="en"');
  });

  it('escapes every parameter in the HTML version', () => {
    const mail = renderMail('nl', 'invitation', { inviter_name: '<script>alert(1)</script>', tenant_name: 'A & B', role: 'admin', url: 'http://x.test/"onmouseover=' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('A &amp; B');
    expect(mail.html).not.toContain('"onmouseover');
    expect(mail.subject).toBe('<script>alert(1)</script> nodigt je uit voor A & B in Clientbox');
    expect(mail.text).toContain('als beheerder');
  });

  it('says whether two-factor authentication was switched on or off', () => {
    expect(renderMail('en', 'two_factor_changed', { name: 'A', enabled: true }).text).toContain('now on');
    expect(renderMail('en', 'two_factor_changed', { name: 'A', enabled: false }).text).toContain('now off');
  });
});
