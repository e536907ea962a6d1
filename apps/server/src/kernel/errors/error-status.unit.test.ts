import { describe, expect, it } from 'vitest';
import { registerErrorCodes, statusOf } from './error-status.ts';

describe('module error codes', () => {
  it('maps a module code to its status, and unknown codes to 500', () => {
    registerErrorCodes('widgets', { widget_not_found: 404 });
    expect(statusOf('widget_not_found')).toBe(404);
    expect(statusOf('not_found')).toBe(404);
    expect(statusOf('no_such_code')).toBe(500);
  });

  it('takes the same module again (a second app in one process), but refuses clashes', () => {
    registerErrorCodes('gadgets', { gadget_broken: 409 });
    expect(() => registerErrorCodes('gadgets', { gadget_broken: 409 })).not.toThrow();
    expect(() => registerErrorCodes('gadgets', { gadget_broken: 422 })).toThrow(/already registered/);
    expect(() => registerErrorCodes('other', { gadget_broken: 409 })).toThrow(/already registered/);
    expect(() => registerErrorCodes('other', { not_found: 404 })).toThrow(/already registered/);
  });
});
