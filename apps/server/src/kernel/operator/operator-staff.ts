import { asc, eq, isNull, and } from 'drizzle-orm';
import type { Auth } from '../auth/create-auth.ts';
import type { Db } from '../db/database.ts';
import { operatorUsers } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';

/** Creates an operator staff member (CLI and tests); staff never belong to a tenant. */
export async function createOperatorUser(
  deps: { db: Db; auth: Auth },
  input: { email: string; name: string; password: string; role: 'admin' | 'support' },
) {
  if (input.password.length < 12)
    throw new AppError('validation_failed', { detail: 'password: at least 12 characters' });
  const passwordHash = await (await deps.auth.$context).password.hash(input.password);
  const [row] = await deps.db
    .insert(operatorUsers)
    .values({ email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash })
    .onConflictDoNothing()
    .returning({
      id: operatorUsers.id,
      email: operatorUsers.email,
      name: operatorUsers.name,
      role: operatorUsers.role,
    });
  if (!row) throw new AppError('conflict', { detail: `An operator with ${input.email} exists already.` });
  return row;
}

/** Checks a console login; the same answer for an unknown address and a wrong password. */
export async function verifyOperatorLogin(deps: { db: Db; auth: Auth }, email: string, password: string) {
  const [row] = await deps.db
    .select()
    .from(operatorUsers)
    .where(and(eq(operatorUsers.email, email.toLowerCase()), isNull(operatorUsers.disabledAt)));
  const context = await deps.auth.$context;
  if (!row) {
    // Spend the same time as a real check, so response times do not reveal which addresses exist.
    await context.password.hash(password);
    throw new AppError('invalid_credentials');
  }
  if (!(await context.password.verify({ hash: row.passwordHash, password }))) throw new AppError('invalid_credentials');
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

/** Art. 16: the operator staff who can be granted access to a tenant's data, shown to every tenant. */
export async function listSupportStaff(db: Db) {
  return db
    .select({ id: operatorUsers.id, name: operatorUsers.name, role: operatorUsers.role })
    .from(operatorUsers)
    .where(and(eq(operatorUsers.canSupport, true), isNull(operatorUsers.disabledAt)))
    .orderBy(asc(operatorUsers.name));
}
