import { expect } from 'vitest';
import type { AppProcess } from './app-process.ts';

/**
 * Moves the day of the scheduled work to `days` after today (`PUT /api/v1/dev/clock`, for an app
 * started with `CLOCK_ADJUSTABLE=true`); the daily tasks of that day run before it answers.
 */
export async function moveClock(app: AppProcess, days: number): Promise<void> {
  const response = await fetch(`${app.baseUrl}/api/v1/dev/clock`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offset_days: days }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ offset_days: days, failed_tasks: 0 });
}
