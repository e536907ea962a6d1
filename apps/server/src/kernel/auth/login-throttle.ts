/**
 * Throttles password guessing per account and per IP address. Failures are counted in a sliding
 * window; over the limit, further attempts are refused until the window has passed, with the
 * seconds to wait. Kept in memory: one process serves one installation, and a restart forgetting
 * the counters only gives an attacker a few more guesses.
 */
export interface ThrottleLimits {
  windowMs: number;
  perAccount: number;
  perIp: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { windowMs: 15 * 60_000, perAccount: 5, perIp: 30 };

export function createLoginThrottle(limits: ThrottleLimits = DEFAULT_THROTTLE, now: () => number = Date.now) {
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const cutoff = now() - limits.windowMs;
    const times = (failures.get(key) ?? []).filter((time) => time > cutoff);
    if (times.length) failures.set(key, times);
    else failures.delete(key);
    return times;
  }

  /** Seconds to wait before another attempt is allowed, or 0. */
  function retryAfterSeconds(account: string, ip: string): number {
    let waitMs = 0;
    for (const [key, limit] of [
      [`account:${account}`, limits.perAccount],
      [`ip:${ip}`, limits.perIp],
    ] as const) {
      const times = recent(key);
      if (times.length >= limit) waitMs = Math.max(waitMs, times[times.length - limit]! + limits.windowMs - now());
    }
    return Math.ceil(waitMs / 1000);
  }

  function recordFailure(account: string, ip: string): void {
    for (const key of [`account:${account}`, `ip:${ip}`]) failures.set(key, [...recent(key), now()]);
  }

  function recordSuccess(account: string): void {
    failures.delete(`account:${account}`);
  }

  return { retryAfterSeconds, recordFailure, recordSuccess };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
