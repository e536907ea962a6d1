import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.ts';
import { installErrorHandler } from '../error-handler.ts';

describe('error handler', () => {
  async function appWith(handler: () => unknown) {
    const app = Fastify({ logger: false });
    installErrorHandler(app);
    app.get('/x', async () => handler());
    await app.ready();
    return app;
  }

  it('answers an unexpected failure with a bare 500 problem: no message, no stack', async () => {
    const app = await appWith(() => {
      throw new Error('connection string postgres://secret@db leaked');
    });
    const response = await app.inject({ method: 'GET', url: '/x', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toEqual({
      type: 'https://clientbox.dev/problems/internal-error',
      title: 'Something went wrong on our side',
      status: 500,
      code: 'internal_error',
      request_id: expect.any(String),
    });
    expect(response.body).not.toContain('secret');
  });

  it('answers a unique violation or serialization failure from the database with 409 conflict, also wrapped', async () => {
    for (const thrown of [
      Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
      Object.assign(new Error('Failed query'), { cause: { code: '23505' } }),
      Object.assign(new Error('could not serialize access'), { code: '40001' }),
    ]) {
      const app = await appWith(() => {
        throw thrown;
      });
      const response = await app.inject({ method: 'GET', url: '/x', headers: { 'accept-language': 'en' } });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'conflict', status: 409 });
    }
    // Any other database error stays a bare 500.
    const other = await appWith(() => {
      throw Object.assign(new Error('relation does not exist'), { code: '42P01' });
    });
    expect((await other.inject({ method: 'GET', url: '/x' })).statusCode).toBe(500);
  });

  it('maps a code to its status and a localized title, with headers', async () => {
    const app = await appWith(() => {
      throw new AppError('too_many_attempts', { headers: { 'retry-after': '30' } });
    });
    const response = await app.inject({ method: 'GET', url: '/x', headers: { 'accept-language': 'nl' } });
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.json()).toMatchObject({
      code: 'too_many_attempts',
      title: 'Te veel pogingen; probeer het later opnieuw',
    });
  });
});
