/**
 * A business module declares itself with a manifest: its name, the modules it builds on, the
 * entitlement a tenant needs for it, its error codes and how it registers with the kernel.
 */
export interface ModuleManifest<Context> {
  name: string;
  description: string;
  dependsOn: string[];
  entitlement?: string;
  /** Error codes of this module and their HTTP status. */
  errors?: Record<string, number>;
  register(context: Context): void | Promise<void>;
}

export class ModuleGraphError extends Error {
  readonly code: 'module_cycle' | 'module_missing_dependency' | 'module_duplicate';
  constructor(code: ModuleGraphError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** Dependencies first, otherwise in the given order; refuses duplicates, unknown dependencies and cycles. */
export function orderModules<M extends Pick<ModuleManifest<unknown>, 'name' | 'dependsOn'>>(manifests: M[]): M[] {
  const byName = new Map<string, M>();
  for (const manifest of manifests) {
    if (byName.has(manifest.name))
      throw new ModuleGraphError('module_duplicate', `module "${manifest.name}" is declared twice`);
    byName.set(manifest.name, manifest);
  }
  const ordered: M[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (manifest: M, path: string[]) => {
    if (state.get(manifest.name) === 'done') return;
    if (state.get(manifest.name) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(manifest.name)), manifest.name].join(' → ');
      throw new ModuleGraphError('module_cycle', `module dependency cycle: ${cycle}`);
    }
    state.set(manifest.name, 'visiting');
    for (const dependency of manifest.dependsOn) {
      const target = byName.get(dependency);
      if (!target)
        throw new ModuleGraphError(
          'module_missing_dependency',
          `module "${manifest.name}" depends on unknown module "${dependency}"`,
        );
      visit(target, [...path, manifest.name]);
    }
    state.set(manifest.name, 'done');
    ordered.push(manifest);
  };
  for (const manifest of manifests) visit(manifest, []);
  return ordered;
}
