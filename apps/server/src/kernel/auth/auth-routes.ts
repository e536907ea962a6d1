import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordSecurityEvent } from '../audit/record-security-event.ts';
import type { Database } from '../db/database.ts';
import { users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { sendWebResponse, toWebHeaders, toWebRequest } from '../http/web-request.ts';
import type { RequestMeta } from '../tenancy/tenant-context.ts';
import type { Auth } from './create-auth.ts';
import type { LoginThrottle } from './login-throttle.ts';

/** better-auth endpoints we do not expose: sign-up goes through /api/v1/signup, which creates the tenant. */
const BLOCKED = new Set(['/api/auth/sign-up/email', '/api/auth/delete-user', '/api/auth/change-email']);

/** Endpoints whose outcome is a security event for the audit log. */
const AUDITED: Record<string, string> = {
  '/api/auth/sign-out': 'auth.logout',
  '/api/auth/change-password': 'auth.password_changed',
  '/api/auth/revoke-session': 'auth.session_revoked',
  '/api/auth/revoke-other-sessions': 'auth.sessions_revoked',
  '/api/auth/revoke-sessions': 'auth.sessions_revoked',
};

/**
 * Fastify glue for better-auth: one catch-all route that hands the request to auth.handler,
 * wrapped with login throttling and audit entries for security events.
 */
export function registerAuthRoutes(
  app: FastifyInstance,
  deps: { auth: Auth; database: Database; throttle: LoginThrottle; baseUrl: string },
): void {
  const { auth, database, throttle } = deps;

  async function userIdOfSession(request: FastifyRequest): Promise<{ id: string; twoFactorEnabled: boolean } | null> {
    const session = await auth.api.getSession({ headers: toWebHeaders(request.headers) });
    if (!session) return null;
    return {
      id: session.user.id,
      twoFactorEnabled: Boolean((session.user as { twoFactorEnabled?: boolean }).twoFactorEnabled),
    };
  }

  async function userByEmail(email: string) {
    const [user] = await database.owner
      .select({ id: users.id, name: users.name, twoFactorEnabled: users.twoFactorEnabled })
      .from(users)
      .where(eq(users.email, email.trim().toLowerCase()));
    return user ?? null;
  }

  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    handler: async (request, reply) => {
      const path = request.url.split('?')[0]!;
      if (BLOCKED.has(path)) throw new AppError('not_found');
      const meta: RequestMeta = {
        requestId: request.id,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      };
      const isPasswordLogin = path === '/api/auth/sign-in/email';
      const isTwoFactor = path.startsWith('/api/auth/two-factor/');
      const email = isPasswordLogin ? String((request.body as { email?: unknown } | undefined)?.email ?? '') : '';

      if (isPasswordLogin) {
        const wait = throttle.retryAfterSeconds(email.toLowerCase(), request.ip);
        if (wait > 0)
          throw new AppError('too_many_attempts', {
            headers: { 'retry-after': String(wait) },
            detail: `Try again in ${Math.ceil(wait / 60)} minutes.`,
          });
      }
      const sessionUserBefore = AUDITED[path] || isTwoFactor ? await userIdOfSession(request) : null;

      const response = await auth.handler(toWebRequest(request, deps.baseUrl));
      const ok = response.status >= 200 && response.status < 300;

      if (isPasswordLogin) {
        const user = await userByEmail(email);
        if (ok) throttle.recordSuccess(email.toLowerCase());
        else if (response.status === 401) throttle.recordFailure(email.toLowerCase(), request.ip);
        if (user) {
          const action = ok
            ? user.twoFactorEnabled
              ? 'auth.login_password_accepted'
              : 'auth.login_succeeded'
            : 'auth.login_failed';
          await recordSecurityEvent(database, user.id, {
            action,
            actor: { type: 'user', id: user.id, name: user.name },
            meta,
            details: ok ? {} : { status: response.status },
          });
        } else if (!ok) {
          request.log.warn({ email }, 'failed login for an unknown e-mail address');
        }
      } else if (isTwoFactor && sessionUserBefore === null && path.startsWith('/api/auth/two-factor/verify')) {
        await auditTwoFactorLogin(response, ok);
      } else if (sessionUserBefore) {
        const userId = sessionUserBefore.id;
        const actor = { type: 'user' as const, id: userId, name: null };
        if (AUDITED[path] && ok) await recordSecurityEvent(database, userId, { action: AUDITED[path]!, actor, meta });
        if (isTwoFactor) {
          const [after] = await database.owner
            .select({ enabled: users.twoFactorEnabled })
            .from(users)
            .where(eq(users.id, userId));
          if (Boolean(after?.enabled) !== sessionUserBefore.twoFactorEnabled) {
            await recordSecurityEvent(database, userId, {
              action: after?.enabled ? 'auth.two_factor_enabled' : 'auth.two_factor_disabled',
              actor,
              meta,
            });
          }
        }
      }
      if (path === '/api/auth/reset-password' && ok) request.log.info('password reset completed');
      return sendWebResponse(reply, response);

      async function auditTwoFactorLogin(res: Response, succeeded: boolean) {
        if (!succeeded) return;
        const body = (await res
          .clone()
          .json()
          .catch(() => null)) as { user?: { id?: string; name?: string } } | null;
        const id = body?.user?.id;
        if (id)
          await recordSecurityEvent(database, id, {
            action: 'auth.login_succeeded',
            actor: { type: 'user', id, name: body?.user?.name ?? null },
            meta,
            details: { second_factor: true },
          });
      }
    },
  });
}
