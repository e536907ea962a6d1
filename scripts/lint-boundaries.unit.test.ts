import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import moduleBoundaries from '../eslint-rules/module-boundaries.js';

const boundariesPlugin = { rules: { 'module-boundaries': moduleBoundaries } };

const fixtures = fileURLToPath(new URL('./__fixtures__/boundaries/', import.meta.url));

/** Runs the real boundary rule on a small fake tree with allowed and forbidden imports. */
async function lintFixtures() {
  const eslint = new ESLint({
    cwd: fixtures,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser as never, sourceType: 'module' },
        plugins: { clientbox: boundariesPlugin },
        rules: { 'clientbox/module-boundaries': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(['**/*.ts']);
  return results.flatMap((result) =>
    result.messages.map((message) => `${path.relative(fixtures, result.filePath)}:${message.line} ${message.message}`),
  );
}

describe('module boundary lint rule', () => {
  it('reports exactly the forbidden imports', async () => {
    expect((await lintFixtures()).sort()).toEqual([
      'apps/server/src/kernel/registry.ts:1 The kernel imports no module ("../modules/beta/index.ts").',
      'apps/server/src/modules/alpha/uses.ts:4 Module "alpha" may only import the index.ts of module "gamma", not "../gamma/secret.ts".',
      'apps/server/src/modules/alpha/uses.ts:5 Module "alpha" imports module "beta", which is not in its dependsOn.',
      'apps/server/src/modules/alpha/uses.ts:6 Module "alpha" imports module "beta", which is not in its dependsOn.',
      'apps/web/src/page.ts:1 The web app never imports the server ("../../server/src/kernel/registry.ts").',
    ]);
  });
});
