import { describe, expect, it, vi } from 'vitest';

// The catalogs read the stored language when they load: outside a browser there is none.
vi.hoisted(() => {
  if (!('localStorage' in globalThis) || typeof globalThis.localStorage?.getItem !== 'function')
    Object.defineProperty(globalThis, 'localStorage', { value: { getItem: () => null }, configurable: true });
});
import { ApiError } from '../api/api-client.ts';
import { serverErrors } from './form-errors.ts';

const refused = (params?: Record<string, string>) =>
  new ApiError(
    400,
    {
      type: 'https://clientbox.dev/problems/validation-failed',
      title: 'Validation failed',
      status: 400,
      code: 'validation_failed',
      errors: [
        { field: 'requested_from', code: 'price_change_too_soon', message: 'too soon', ...(params && { params }) },
      ],
    },
    null,
  );

describe('serverErrors', () => {
  it('names the earliest day the server gives, written as the reader writes dates', () => {
    expect(serverErrors(refused({ date: '2027-03-05' }), 'nl').fields).toEqual({
      requested_from: 'Een prijswijziging kan op zijn vroegst ingaan op 5-3-2027',
    });
    expect(serverErrors(refused({ date: '2027-03-05' }), 'en').fields).toEqual({
      requested_from: 'A price change can take effect on 05/03/2027 at the earliest',
    });
  });

  it('keeps other values as they are and answers the field, not a general message', () => {
    const { fields, general } = serverErrors(refused({ date: 'soon' }), 'en');
    expect(fields.requested_from).toContain('on soon at');
    expect(general).toBeNull();
  });
});
