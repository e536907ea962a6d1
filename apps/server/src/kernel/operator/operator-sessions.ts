import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { operatorSessions, operatorUsers } from '../db/schema.ts';

export const OPERATOR_COOKIE = 'cbx_operator';
const SESSION_HOURS = 8;

export interface OperatorPrincipal {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'support';
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sessions of the operator console, separate from tenant sessions: a different cookie, a
 * different table, a working day long. Only the hash of the cookie value is stored.
 */
export function createOperatorSessions(db: Db) {
  return {
    async create(operatorUserId: string, ip: string | null): Promise<{ token: string; maxAgeSeconds: number }> {
      const token = randomBytes(32).toString('base64url');
      await db.insert(operatorSessions).values({
        id: hashOf(token),
        operatorUserId,
        ip,
        expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000),
      });
      return { token, maxAgeSeconds: SESSION_HOURS * 3600 };
    },
    async resolve(cookieHeader: string | undefined): Promise<OperatorPrincipal | null> {
      const token = cookieValue(cookieHeader, OPERATOR_COOKIE);
      if (!token) return null;
      const [row] = await db
        .select({
          id: operatorUsers.id,
          name: operatorUsers.name,
          email: operatorUsers.email,
          role: operatorUsers.role,
        })
        .from(operatorSessions)
        .innerJoin(operatorUsers, eq(operatorUsers.id, operatorSessions.operatorUserId))
        .where(
          and(
            eq(operatorSessions.id, hashOf(token)),
            gt(operatorSessions.expiresAt, new Date()),
            isNull(operatorUsers.disabledAt),
          ),
        );
      return row ?? null;
    },
    async destroy(cookieHeader: string | undefined): Promise<void> {
      const token = cookieValue(cookieHeader, OPERATOR_COOKIE);
      if (token) await db.delete(operatorSessions).where(eq(operatorSessions.id, hashOf(token)));
    },
  };
}

export type OperatorSessions = ReturnType<typeof createOperatorSessions>;

export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}
