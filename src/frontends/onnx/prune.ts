import type { Layer } from '../../ir/layers.ts';

/**
 * Keep the input layers and the layers the outputs depend on (drops e.g. nodes whose results nobody reads).
 * Iterative (an explicit stack), so a chain of any length does not exhaust the call stack.
 */
export function pruneUnreachable(layers: readonly Layer[], outputs: readonly string[]): Layer[] {
  const byName = new Map(layers.map((l) => [l.name, l]));
  const keep = new Set<string>();
  const stack = [...outputs];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (keep.has(name)) continue;
    keep.add(name);
    for (const i of byName.get(name)?.inputs ?? []) stack.push(i);
  }
  return layers.filter((l) => l.kind === 'input' || keep.has(l.name));
}
