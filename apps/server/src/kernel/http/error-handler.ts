import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../errors/app-error.ts';
import { toProblem } from '../errors/problem-response.ts';
import { negotiateLocale } from '../i18n/index.ts';

/**
 * The single place where failures become responses. Expected failures are AppErrors; Fastify's
 * own client errors are translated to our codes; anything else is logged in full and answered
 * with a bare 500 — never a stack trace to the client.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = isAppError(error) ? error : (fromFastifyError(error) ?? fromDatabaseRace(error));
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, new AppError('internal_error'));
    }
    if (appError.code === 'internal_error') request.log.error({ err: error }, 'internal error');
    return sendProblem(request, reply, appError);
  });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const locale = negotiateLocale(request.headers['accept-language']);
  const problem = toProblem(error, locale, request.id);
  if (error.headers) reply.headers(error.headers);
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/**
 * SQLSTATE 23505 (unique violation) or 40001 (serialization failure) that no use case turned into
 * a code of its own: two requests raced for the same row or value, and the loser rolled back.
 * Nothing was saved, so the client is told to try again (409) instead of getting a 500. The
 * driver's error arrives as is, or as the `cause` of Drizzle's query error.
 */
function fromDatabaseRace(error: unknown): AppError | null {
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if (code !== '23505' && code !== '40001') return null;
  return new AppError('conflict', { detail: 'Another request changed the same data at the same time; try again.' });
}

function fromFastifyError(error: FastifyError): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid_json', { detail: 'The request body is not valid JSON.' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type');
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return new AppError('too_many_attempts');
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return new AppError('invalid_json');
  if (error.statusCode === 413) return new AppError('payload_too_large');
  if (error.statusCode === 415) return new AppError('unsupported_media_type');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('bad_request', { detail: error.message });
  }
  return null;
}
