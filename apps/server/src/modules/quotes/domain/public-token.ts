/** The customer's link to a quote: the kernel's public token (256 random bits, base64url). */
export { newPublicToken } from '../../../kernel/http/public-token.ts';
