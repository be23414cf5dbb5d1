import type { Layer } from '../../ir/layers.ts';

/** Keep the input layers and the layers the outputs depend on (drops e.g. nodes whose results nobody reads). */
export function pruneUnreachable(layers: readonly Layer[], outputs: readonly string[]): Layer[] {
  const byName = new Map(layers.map((l) => [l.name, l]));
  const keep = new Set<string>();
  const visit = (name: string): void => {
    if (keep.has(name)) return;
    keep.add(name);
    for (const i of byName.get(name)?.inputs ?? []) visit(i);
  };
  outputs.forEach(visit);
  return layers.filter((l) => l.kind === 'input' || keep.has(l.name));
}
