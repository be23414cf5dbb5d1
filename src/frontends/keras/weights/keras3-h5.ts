import { child, isDataset, isGroup, readDataset, type H5Group } from '../h5.ts';
import type { WeightStore } from '../tensor.ts';

/**
 * Keras 3 weights (`model.weights.h5` inside a `.keras` zip): each layer's variables are datasets `vars/0`, `vars/1`,
 * … under the layer's saving path (`layers/<snake_case class>[_k]`), in the order the layer created them; `vars`
 * names them in that order.
 */
export function keras3Store(root: H5Group, file: string): WeightStore {
  return {
    file,
    get: (layer, vars) => {
      // Keras 3 names the layer list `layers`; the keras_v3 format of TF-Keras 2.12–2.15 `_layer_checkpoint_dependencies`
      const group = [layer.path, layer.path.replace(/(^|\/)layers\//g, '$1_layer_checkpoint_dependencies/')]
        .map((p) => child(root, `${p}/vars`))
        .find(isGroup);
      if (!isGroup(group)) return vars.map(() => undefined);
      return vars.map((_v, i) => {
        const d = child(group, String(i));
        return isDataset(d) ? readDataset(d, file, `${layer.path}/vars/${i}`) : undefined;
      });
    },
  };
}
