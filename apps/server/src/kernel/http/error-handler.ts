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
    const appError = isAppError(error) ? error : fromFastifyError(error);
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
