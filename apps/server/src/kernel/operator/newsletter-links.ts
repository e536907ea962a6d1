import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One-click unsubscribe links (art. 19, RFC 8058): the address and an HMAC of it, so the link
 * works without a login and cannot be forged for someone else's address.
 */
export function createNewsletterLinks(secret: string, baseUrl: string) {
  const tokenOf = (email: string) =>
    createHmac('sha256', secret).update(`newsletter-unsubscribe:${email.toLowerCase()}`).digest('base64url');
  return {
    /** The page a person opens from the mail (a button there confirms). */
    pageUrl: (email: string) => `${baseUrl}/unsubscribe?email=${encodeURIComponent(email)}&token=${tokenOf(email)}`,
    /** The URL mail clients POST to for one-click unsubscribe (List-Unsubscribe-Post). */
    oneClickUrl: (email: string) =>
      `${baseUrl}/api/v1/public/newsletter/unsubscribe?email=${encodeURIComponent(email)}&token=${tokenOf(email)}`,
    isValid(email: string, token: string): boolean {
      const expected = Buffer.from(tokenOf(email));
      const given = Buffer.from(token);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

export type NewsletterLinks = ReturnType<typeof createNewsletterLinks>;
