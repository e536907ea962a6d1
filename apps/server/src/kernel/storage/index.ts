import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
  size: number;
}

/** Where files (logos, attachments, issued documents) live; one interface, local directory by default. */
export interface FileStorage {
  put(key: string, bytes: Buffer, meta: { contentType: string }): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

const KEY = /^tenants\/[0-9a-f-]{36}\/[A-Za-z0-9._/-]+$/;

function assertKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    throw new AppError('bad_request', { detail: 'invalid storage key' });
  }
}

/** Files under `root`, the content type in a sidecar; written to a temporary name, then renamed. */
export function createFileStorage({ root }: { root: string }): FileStorage {
  const fileOf = (key: string) => path.join(root, ...key.split('/'));
  return {
    async put(key, bytes, meta) {
      assertKey(key);
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${randomUUID()}.tmp`;
      await fs.writeFile(temporary, bytes);
      await fs.writeFile(`${file}.meta.json`, JSON.stringify({ contentType: meta.contentType }));
      await fs.rename(temporary, file);
    },
    async get(key) {
      assertKey(key);
      try {
        const [bytes, meta] = await Promise.all([
          fs.readFile(fileOf(key)),
          fs.readFile(`${fileOf(key)}.meta.json`, 'utf8'),
        ]);
        return { bytes, contentType: (JSON.parse(meta) as { contentType: string }).contentType, size: bytes.length };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      assertKey(key);
      await fs.rm(fileOf(key), { force: true });
      await fs.rm(`${fileOf(key)}.meta.json`, { force: true });
    },
  };
}
