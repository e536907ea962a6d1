import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.ts';

describe('login throttle', () => {
  const limits = { windowMs: 60_000, perAccount: 3, perIp: 5 };

  it('blocks an account after its failures and tells how long to wait', () => {
    let now = 1_000_000;
    const throttle = createLoginThrottle(limits, () => now);
    for (let i = 0; i < 3; i++) throttle.recordFailure('ann@x.test', '10.0.0.1');
    expect(throttle.retryAfterSeconds('ann@x.test', '10.0.0.2')).toBe(60);
    now += 30_000;
    expect(throttle.retryAfterSeconds('ann@x.test', '10.0.0.2')).toBe(30);
    now += 30_001;
    expect(throttle.retryAfterSeconds('ann@x.test', '10.0.0.2')).toBe(0);
  });

  it('blocks an IP address that guesses across many accounts', () => {
    const throttle = createLoginThrottle(limits, () => 0);
    for (let i = 0; i < 5; i++) throttle.recordFailure(`user${i}@x.test`, '10.0.0.9');
    expect(throttle.retryAfterSeconds('new@x.test', '10.0.0.9')).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds('new@x.test', '10.0.0.10')).toBe(0);
  });

  it('a successful login clears the account counter', () => {
    const throttle = createLoginThrottle(limits, () => 0);
    throttle.recordFailure('bob@x.test', '10.0.0.1');
    throttle.recordFailure('bob@x.test', '10.0.0.1');
    throttle.recordSuccess('bob@x.test');
    throttle.recordFailure('bob@x.test', '10.0.0.1');
    expect(throttle.retryAfterSeconds('bob@x.test', '10.0.0.3')).toBe(0);
  });
});
