import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { values, writeKeras2Weights } from './fixtures.ts';

/** A Keras layer of a Sequential model: class and config (the name is added). */
export interface Spec {
  readonly class_name: string;
  readonly config: Record<string, unknown>;
}
export type Tensor = { shape: number[]; data: number[] };
/** variables of each layer by Keras 2 name (`kernel`, `depthwise_kernel`, …) */
export type LayerVars = Record<string, Record<string, Tensor>>;

/** A seeded tensor of the given shape, values in [−1, 1) rounded to float32. */
export const tensor = (shape: number[], seed: number): Tensor => ({ shape, data: values(shape.reduce((a, b) => a * b, 1), seed) });

/**
 * Writes `<name>.json` (a Keras 2 Sequential model: an InputLayer of `input` then the layers, named l0, l1, …) and
 * `<name>_weights.h5` (Keras 2 `save_weights` layout, variables `<layer>/<var>:0`); returns the JSON's path.
 */
export function sequential(dir: string, name: string, input: number[], layers: readonly Spec[], vars: LayerVars = {}): string {
  const names = layers.map((_l, i) => `l${i}`);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({
    class_name: 'Sequential',
    keras_version: '2.13.1',
    config: {
      name,
      layers: [
        { class_name: 'InputLayer', config: { name: 'x', batch_input_shape: [null, ...input] } },
        ...layers.map((l, i) => ({ class_name: l.class_name, config: { name: names[i], ...l.config } })),
      ],
    },
  }));
  const weights = Object.fromEntries(names.map((n) => [n, Object.fromEntries(Object.entries(vars[n] ?? {}).map(([v, t]) => [`${n}/${v}:0`, t]))]));
  writeKeras2Weights(join(dir, `${name}_weights.h5`), weights, ['x', ...names]);
  return file;
}
