import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite's data directory must never be opened by two processes: that corrupts it. Whoever
 * opens it holds DATA_DIR/embedded.lock (created exclusively). The server also writes its port
 * and a one-time admin token, so the CLI can work through the running server instead.
 */
export interface EmbeddedLock {
  pid: number;
  role: 'server' | 'cli';
  port?: number;
  adminToken?: string;
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, 'embedded.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The current holder, or null when the lock is free (a lock of a dead process is stale). */
export function readLock(dataDir: string): EmbeddedLock | null {
  try {
    const lock = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as EmbeddedLock;
    return isAlive(lock.pid) ? lock : null;
  } catch {
    return null;
  }
}

export class EmbeddedDatabaseBusyError extends Error {
  readonly holder: EmbeddedLock;
  constructor(holder: EmbeddedLock) {
    super(`the embedded database in this DATA_DIR is in use by ${holder.role} process ${holder.pid}`);
    this.holder = holder;
  }
}

export function acquireLock(
  dataDir: string,
  role: EmbeddedLock['role'],
): { release(): void; update(fields: Partial<EmbeddedLock>): void; adminToken: string } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const holder = readLock(dataDir);
  if (holder) throw new EmbeddedDatabaseBusyError(holder);
  fs.rmSync(file, { force: true }); // stale lock of a process that died
  const lock: EmbeddedLock = { pid: process.pid, role, adminToken: randomBytes(24).toString('base64url') };
  try {
    fs.writeFileSync(file, JSON.stringify(lock), { mode: 0o600, flag: 'wx' });
  } catch {
    const winner = readLock(dataDir);
    throw new EmbeddedDatabaseBusyError(winner ?? { pid: 0, role: 'cli' });
  }
  return {
    adminToken: lock.adminToken!,
    update: (fields) => fs.writeFileSync(file, JSON.stringify({ ...lock, ...fields }), { mode: 0o600 }),
    release: () => {
      if (readLock(dataDir)?.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
}
