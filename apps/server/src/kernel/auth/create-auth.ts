import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import type { MailTemplate, MailTemplateParams } from '../mail/index.ts';
import { accounts, memberships, sessions, twoFactors, users, verifications } from '../db/schema.ts';

/** Renders a mail template in the recipient's language and sends it (wired in app.ts). */
export type SendTemplatedMail = <T extends MailTemplate>(
  to: string,
  locale: 'nl' | 'en',
  template: T,
  params: MailTemplateParams[T],
) => Promise<void>;

export interface AuthOptions {
  database: Database;
  baseUrl: string;
  secret: string;
  sendMail: SendTemplatedMail;
}

/**
 * better-auth handles passwords, sessions, e-mail verification, password reset and TOTP.
 * Tenancy is ours: the session carries `activeTenantId`, checked against memberships on every
 * request. Its own rate limiter is off: login throttling per account and per IP is in
 * login-throttle.ts, which also speaks our problem+json.
 */
export function createAuth({ database, baseUrl, secret, sendMail }: AuthOptions) {
  const db = database.owner;
  return betterAuth({
    appName: 'Clientbox',
    baseURL: baseUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [baseUrl],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, twoFactor: twoFactors },
    }),
    advanced: {
      database: { generateId: 'uuid' },
      cookiePrefix: 'clientbox',
      useSecureCookies: baseUrl.startsWith('https://'),
    },
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: false,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        await sendMail(user.email, localeOf(user), 'reset_password', { name: user.name, url });
      },
    },
    emailVerification: {
      sendOnSignUp: false,
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, url }) => {
        await sendMail(user.email, localeOf(user), 'verify_email', { name: user.name, url });
      },
    },
    user: {
      additionalFields: { locale: { type: 'string', required: false, defaultValue: 'nl', input: false } },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      additionalFields: { activeTenantId: { type: 'string', required: false, input: false } },
    },
    databaseHooks: {
      session: {
        create: {
          // The first login (right after verifying the e-mail) lands in the user's first tenant.
          before: async (session) => {
            const [first] = await db
              .select({ tenantId: memberships.tenantId })
              .from(memberships)
              .where(and(eq(memberships.userId, session.userId)))
              .orderBy(asc(memberships.createdAt))
              .limit(1);
            return { data: { ...session, activeTenantId: first?.tenantId ?? null } };
          },
        },
      },
    },
    plugins: [twoFactor({ issuer: 'Clientbox', backupCodeOptions: { amount: 10, length: 10 } })],
  });
}

export type Auth = ReturnType<typeof createAuth>;

function localeOf(user: object): 'nl' | 'en' {
  return (user as { locale?: unknown }).locale === 'en' ? 'en' : 'nl';
}
