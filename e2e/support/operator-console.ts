import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppProcess } from './app-process.ts';
import { WAIT } from './constants.ts';
import { LABELS } from './labels.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface OperatorStaff {
  email: string;
  name: string;
  password: string;
}

/** An operator admin, made with the CLI (`npm run admin -- operator create`); the password comes from the environment only. */
export function createOperatorAdmin(app: AppProcess, staff: OperatorStaff): void {
  const created = spawnSync(
    'npm',
    [
      'run',
      '--silent',
      'admin',
      '--',
      'operator',
      'create',
      '--email',
      staff.email,
      '--name',
      staff.name,
      '--role',
      'admin',
    ],
    { cwd: root, env: { ...app.env, OPERATOR_PASSWORD: staff.password }, encoding: 'utf8' },
  );
  expect(created.stderr).toBe('');
  expect(created.status).toBe(0);
}

/** Logs the staff member in at the console's own login page; the page ends on the console. */
export async function logInToConsole(page: Page, staff: OperatorStaff): Promise<void> {
  await page.goto('/operator');
  await expect.poll(() => page.url(), WAIT).toContain('/operator/login');
  await page.getByTestId('console-login-email').fill(staff.email);
  await page.getByTestId('console-login-password').fill(staff.password);
  await page.getByTestId('console-login-submit').click();
  await expect.poll(() => page.getByTestId('console-header').textContent(), WAIT).toContain(LABELS.nl.consoleTitle);
}
