import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The machine tools the tests use, all from Debian: Chromium for the browser journeys (never a
 * downloaded browser); Java, Saxon-HE and xmllint for the official UBL and SEPA validators in
 * ../shared/validators; poppler's pdftotext and pdftoppm to read and rasterize our PDFs.
 */
const TOOLS: { path: string; packages: string[] }[] = [
  { path: CHROMIUM_PATH, packages: ['chromium'] },
  { path: '/usr/bin/java', packages: ['default-jre-headless'] },
  { path: '/usr/share/java/Saxon-HE.jar', packages: ['libsaxonhe-java'] },
  { path: '/usr/bin/xmllint', packages: ['libxml2-utils'] },
  { path: '/usr/bin/pdftoppm', packages: ['poppler-utils'] },
];

/** Installs what is missing with apt-get when we are root (CI, a fresh machine); otherwise says how. */
export function ensureDebianPackages(): void {
  const missing = TOOLS.filter((tool) => !fs.existsSync(tool.path)).flatMap((tool) => tool.packages);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(`Missing test tools: run "sudo apt-get install -y ${missing.join(' ')}".`);
  console.log(`Installing Debian packages for the tests: ${missing.join(', ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  let result = install();
  if (result.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    result = install();
  }
  const stillMissing = TOOLS.filter((tool) => !fs.existsSync(tool.path));
  if (result.status !== 0 || stillMissing.length) throw new Error(`Installing ${missing.join(' ')} failed.`);
}
