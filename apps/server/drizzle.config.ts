import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./apps/server/src/kernel/db/tables/*.tables.ts', './apps/server/src/modules/*/*.tables.ts'],
  out: './apps/server/src/migrations',
  casing: 'snake_case',
});
