import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `npm start`: build the web app if it has not been built yet, then start the server. */
const webIndex = fileURLToPath(new URL('../apps/web/dist/index.html', import.meta.url));
if (!fs.existsSync(webIndex)) {
  console.log('Building the web app (first start)…');
  const build = spawnSync('npm', ['run', '--silent', 'build', '-w', '@clientbox/web'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('../apps/server/src/main.ts');
