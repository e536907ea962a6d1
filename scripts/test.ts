import { spawnSync } from 'node:child_process';
import { ensureDebianPackages } from './ensure-debian-packages.ts';

/**
 * `npm test`: every check the project has, in the order that fails fastest. With DATABASE_URL
 * set, the integration and browser tests run against that PostgreSQL server instead of PGlite.
 * `npm test -- --database-only` runs only what depends on the database (integration, web build,
 * browser): CI's second pass, after the first has checked types, lint and units.
 */
function run(title: string, command: string, args: string[]): void {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
// Before the tests: the validators (UBL, SEPA), poppler and Chromium come from Debian.
ensureDebianPackages();
if (!process.argv.includes('--database-only')) {
  run('type check', 'npm', ['run', '--silent', 'typecheck']);
  run('lint, module boundaries and formatting', 'npm', ['run', '--silent', 'lint']);
  run('unit tests', 'npx', ['vitest', 'run', '--project', 'unit']);
}
run(`integration and route tests (${database})`, 'npx', ['vitest', 'run', '--project', 'integration']);
run('web app build', 'npm', ['run', '--silent', 'build', '-w', '@clientbox/web']);
run(`browser tests (${database}, Chromium)`, 'npx', ['vitest', 'run', '--project', 'e2e']);
