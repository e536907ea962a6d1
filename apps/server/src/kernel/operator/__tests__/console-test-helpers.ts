import type { TestApp } from '../../../test-support/test-app.ts';
import { cookieOf } from '../../../test-support/session-helpers.ts';
import { createOperatorUser } from '../operator-staff.ts';

let counter = 0;

/** A staff member of the operator, logged in to the console; returns the console cookie. */
export async function operatorSession(t: TestApp, role: 'admin' | 'support' = 'admin', name = `Staff ${++counter}`) {
  const email = `staff${Date.now()}${++counter}@operator.test`;
  const password = 'operator-password-123';
  const operator = await createOperatorUser(
    { db: t.kernel.database.owner, auth: t.kernel.auth },
    { email, name, password, role },
  );
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/operator/login', payload: { email, password } });
  if (login.statusCode !== 200) throw new Error(login.body);
  return { ...operator, cookie: cookieOf(login) };
}
