import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The official validators beside the project (domain rules §5): pain.008 script, ISO 20022 XSDs. */
const VALIDATORS = resolve(process.cwd(), '../shared/validators');
const workDir = mkdtempSync(join(tmpdir(), 'clientbox-sepa-'));

export interface Validation {
  status: number | null;
  output: string;
}

/** `validate-pain008.sh`: the XSD plus the SEPA and NbOfTxs/CtrlSum consistency checks. */
export async function validatePain008(xml: string): Promise<Validation> {
  return run(join(VALIDATORS, 'validate-pain008.sh'), [await writeTemporary(xml)]);
}

/** `xmllint --schema` against one of the bundled ISO 20022 XSDs (XSD only). */
export async function validateAgainstXsd(
  xml: string,
  schema: 'pain.001.001.03' | 'camt.053.001.02',
): Promise<Validation> {
  const xsd = join(VALIDATORS, 'xsd/iso20022', `${schema}.xsd`);
  return run('xmllint', ['--noout', '--nonet', '--schema', xsd, await writeTemporary(xml)]);
}

async function writeTemporary(xml: string): Promise<string> {
  const file = join(workDir, `${randomUUID()}.xml`);
  await writeFile(file, xml);
  return file;
}

/**
 * Missing tools (exit 3 from the script, ENOENT for xmllint) fail the test: the test command
 * installs them, and a skipped check proves nothing.
 */
function run(command: string, args: string[]): Promise<Validation> {
  return new Promise((done, fail) => {
    const child = spawn(command, args);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (status) => {
      if (status === 3) fail(new Error(`validator tools missing (exit 3): install libxml2-utils\n${output}`));
      else done({ status, output });
    });
  });
}
