import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The official validators (UBL 2.1 XSD + EN 16931, Peppol and NLCIUS Schematron), beside the project. */
const VALIDATOR = resolve(process.cwd(), '../shared/validators/validate-ubl.sh');
const workDir = mkdtempSync(join(tmpdir(), 'clientbox-ubl-'));

// At most one validator JVM per core: more only makes each run slower.
const slots = Math.max(2, availableParallelism());
let running = 0;
const waiting: Array<() => void> = [];

export interface Validation {
  status: number | null;
  output: string;
  /** The rule ids of the `FATAL <rule>` lines. */
  fatal: string[];
}

/**
 * Runs the validator on `xml` (profile from its CustomizationID unless given). Missing tools
 * (exit 3) fail the test: the test command installs them, a skipped check proves nothing.
 */
export async function validateUbl(xml: string | Uint8Array, profile?: 'peppol' | 'nlcius'): Promise<Validation> {
  if (running < slots) running++;
  else await new Promise<void>((wake) => waiting.push(wake)); // the finishing run hands over its slot
  try {
    const file = join(workDir, `${randomUUID()}.xml`);
    await writeFile(file, xml);
    const result = await run(profile ? ['-q', '-p', profile, file] : ['-q', file]);
    if (result.status === 3)
      throw new Error(
        `UBL validator tools missing (exit 3): install default-jre-headless libsaxonhe-java libxml2-utils\n${result.output}`,
      );
    return { ...result, fatal: [...result.output.matchAll(/^\s*FATAL (\S+)/gm)].map((match) => match[1]!) };
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function run(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(VALIDATOR, args);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, output }));
  });
}
