import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import type { OperatorPrincipal, OperatorSessions } from './operator-sessions.ts';

/** The console's gate: a valid operator session, and the admin role for changes to tenants and prices. */
export async function requireOperator(
  sessions: OperatorSessions,
  request: FastifyRequest,
  minimumRole: 'support' | 'admin' = 'support',
): Promise<OperatorPrincipal> {
  const operator = await sessions.resolve(request.headers.cookie);
  if (!operator) throw new AppError('unauthorized');
  if (minimumRole === 'admin' && operator.role !== 'admin') throw new AppError('forbidden');
  return operator;
}
