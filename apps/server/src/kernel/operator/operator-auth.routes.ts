import { operatorLogin, operatorMe } from '@clientbox/contracts';
import type { Kernel } from '../kernel.ts';
import { OPERATOR_COOKIE, type OperatorSessions } from './operator-sessions.ts';
import { verifyOperatorLogin } from './operator-staff.ts';
import { requireOperator } from './require-operator.ts';

/** The console's own login: operator staff are not tenant users and never get a tenant session. */
export function registerOperatorAuthRoutes(kernel: Kernel, sessions: OperatorSessions): void {
  const isSecure = kernel.config.publicBaseUrl.startsWith('https://');
  const cookie = (value: string, maxAge: number) =>
    `${OPERATOR_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${isSecure ? '; Secure' : ''}`;

  kernel.route({
    method: 'POST',
    url: '/api/v1/operator/login',
    access: 'public',
    tags: ['Operator console'],
    summary: 'Log in to the operator console',
    body: operatorLogin,
    response: { status: 200, schema: operatorMe },
    errors: [401],
    handler: async ({ body, request, reply }) => {
      const operator = await verifyOperatorLogin(
        { db: kernel.database.owner, auth: kernel.auth },
        body.email,
        body.password,
      );
      const session = await sessions.create(operator.id, request.ip);
      reply.header('set-cookie', cookie(session.token, session.maxAgeSeconds));
      return { object: 'operator' as const, ...operator };
    },
  });
  kernel.route({
    method: 'POST',
    url: '/api/v1/operator/logout',
    access: 'public',
    tags: ['Operator console'],
    summary: 'Log out of the operator console',
    response: { status: 204 },
    handler: async ({ request, reply }) => {
      await sessions.destroy(request.headers.cookie);
      reply.header('set-cookie', cookie('', 0));
    },
  });
  kernel.route({
    method: 'GET',
    url: '/api/v1/operator/me',
    access: 'public',
    tags: ['Operator console'],
    summary: 'The logged-in operator staff member',
    response: { status: 200, schema: operatorMe },
    errors: [401],
    handler: async ({ request }) => ({ object: 'operator' as const, ...(await requireOperator(sessions, request)) }),
  });
}
