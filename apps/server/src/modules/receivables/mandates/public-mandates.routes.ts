import { publicMandate, publicMandateParams, signMandate as signMandateSchema } from '@clientbox/contracts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { withPublicMandate } from './use-cases/public-mandate-context.ts';
import { signMandate, viewPublicMandate } from './use-cases/sign-mandate.ts';

/**
 * The debtor's signing page behind `${PUBLIC_BASE_URL}/m/{token}`: no login, the token is the key.
 * An unknown (or mistyped) token is 404; signing twice is 409 mandate_already_signed, a withdrawn
 * request 409 mandate_revoked.
 */
export function registerPublicMandateRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'public',
    tags: ['Public mandates'],
    method: 'GET',
    url: '/api/v1/public/mandates/:token',
    summary: 'The mandate to sign: creditor, creditor id, debtor, scheme, mandate id and the legal text (nl/en)',
    params: publicMandateParams,
    response: { status: 200, schema: publicMandate },
    handler: ({ params, request, reply }) => {
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
      return withPublicMandate(kernel, params.token, request, (ctx) => viewPublicMandate(ctx, params.token));
    },
  });

  kernel.route({
    access: 'public',
    tags: ['Public mandates'],
    method: 'POST',
    url: '/api/v1/public/mandates/:token/sign',
    summary:
      'Sign the mandate: name, IBAN, optional BIC, place and the checkbox; date, time, IP address and browser are recorded',
    params: publicMandateParams,
    body: signMandateSchema,
    response: { status: 200, schema: publicMandate },
    errors: [404, 409],
    handler: ({ params, body, request, reply }) => {
      reply.header('cache-control', 'no-store');
      return withPublicMandate(kernel, params.token, request, (ctx) => signMandate(ctx, params.token, body));
    },
  });
}
