import { fail } from '../../../diagnostics/diagnostic.ts';
import { attrList, child, isDataset, isGroup, readDataset, type H5Group } from '../h5.ts';
import type { WeightStore, WeightTensor } from '../tensor.ts';

/**
 * Keras 2 weights (`save_weights` .h5, or the `model_weights` group of a full-model .h5): one group per layer, listed
 * in the root attribute `layer_names`; each lists its datasets in `weight_names`, e.g. `fc1/kernel:0`. A nested
 * model's group holds the weights of all its layers, named `<layer>/<var>:0`, so variables are indexed by the
 * name of the layer that owns them (the path segment before the variable).
 */
export function keras2Store(root: H5Group, file: string): WeightStore {
  const byLayer = new Map<string, Map<string, WeightTensor>>();
  const byGroup = new Map<string, { path: string[]; variable: string; tensor: WeightTensor }[]>();
  const groups = attrList(root.attrs.layer_names);
  if (!groups.length && !root.keys.length) throw fail('missing-weights', { file }, 'the weights file must list its layers in the attribute layer_names, not be empty');
  for (const g of groups.length ? groups : root.keys) {
    const group = child(root, g);
    if (!isGroup(group)) continue;
    for (const w of attrList(group.attrs.weight_names)) {
      const d = child(group, w);
      if (!isDataset(d)) throw fail('missing-weights', { file, layer: g }, `dataset '${g}/${w}' listed in weight_names must exist`);
      const parts = w.split('/');
      const owner = parts.length >= 2 ? parts[parts.length - 2] : g;
      const variable = parts[parts.length - 1].replace(/:\d+$/, '');
      if (!byLayer.has(owner)) byLayer.set(owner, new Map());
      const tensor = readDataset(d, file, `${g}/${w}`);
      byLayer.get(owner)!.set(variable, tensor);
      if (!byGroup.has(g)) byGroup.set(g, []);
      byGroup.get(g)!.push({ path: parts.slice(0, -1), variable, tensor });
    }
  }
  return {
    file,
    get: (layer, vars) =>
      vars.map((v) => {
        const direct = byLayer.get(layer.name)?.get(v);
        if (direct || layer.scope === undefined) return direct;
        // the one variable v of the layer's group under the scope (several: ambiguous, reported as missing)
        const scope = layer.scope;
        const found = (byGroup.get(layer.name) ?? []).filter((e) => e.variable === v && (scope === '' || e.path.some((p) => p.startsWith(scope))));
        return found.length === 1 ? found[0].tensor : undefined;
      }),
  };
}
