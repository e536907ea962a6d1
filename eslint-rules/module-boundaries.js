// Module boundaries, enforced in CI (conventions §1):
// - the kernel imports no module;
// - a module imports node builtins, packages, the kernel, its own files, and only the index.ts
//   of the modules its manifest (module.ts) lists in `dependsOn`;
// - the web app never imports the server.
import fs from 'node:fs';
import path from 'node:path';

const manifestCache = new Map();

function dependsOn(modulesRoot, moduleName) {
  const file = path.join(modulesRoot, moduleName, 'module.ts');
  if (!manifestCache.has(file)) {
    let names;
    try {
      const source = fs.readFileSync(file, 'utf8');
      const list = /dependsOn:\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '';
      names = [...list.matchAll(/['"]([^'"]+)['"]/g)].map((match) => match[1]);
    } catch {
      names = [];
    }
    manifestCache.set(file, names);
  }
  return manifestCache.get(file);
}

const inside = (file, folder) => {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the kernel, the business modules and the web app apart' },
    schema: [
      {
        type: 'object',
        properties: { serverRoot: { type: 'string' }, webRoot: { type: 'string' } },
        additionalProperties: false,
      },
    ],
    messages: {
      kernelImportsModule: 'The kernel imports no module ("{{target}}").',
      undeclaredModule: 'Module "{{from}}" imports module "{{to}}", which is not in its dependsOn.',
      moduleInternals: 'Module "{{from}}" may only import the index.ts of module "{{to}}", not "{{target}}".',
      webImportsServer: 'The web app never imports the server ("{{target}}").',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const cwd = context.cwd ?? process.cwd();
    const serverRoot = path.resolve(cwd, options.serverRoot ?? 'apps/server/src');
    const webRoot = path.resolve(cwd, options.webRoot ?? 'apps/web');
    const kernelRoot = path.join(serverRoot, 'kernel');
    const modulesRoot = path.join(serverRoot, 'modules');
    const file = path.resolve(context.filename);

    function check(node, specifier) {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), specifier);
      if (inside(file, webRoot) && inside(target, serverRoot)) {
        context.report({ node, messageId: 'webImportsServer', data: { target: specifier } });
        return;
      }
      if (!inside(target, modulesRoot)) return;
      if (inside(file, kernelRoot)) {
        context.report({ node, messageId: 'kernelImportsModule', data: { target: specifier } });
        return;
      }
      if (!inside(file, modulesRoot)) return;
      const from = path.relative(modulesRoot, file).split(path.sep)[0];
      const [to, ...rest] = path.relative(modulesRoot, target).split(path.sep);
      // The list of installed modules is the one file that knows them all.
      if (from === 'installed-modules.ts' || from === to) return;
      if (!dependsOn(modulesRoot, from).includes(to)) {
        context.report({ node, messageId: 'undeclaredModule', data: { from, to } });
      } else if (rest.join('/') !== 'index.ts') {
        context.report({ node, messageId: 'moduleInternals', data: { from, to, target: specifier } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
