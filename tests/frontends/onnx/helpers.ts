import { fixedType } from '../../../src/fixed/fixed-type.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import type { Layer, LayerKind, LayerOf } from '../../../src/ir/layers.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { parseOnnx } from '../../../src/frontends/onnx/index.ts';
import { fuseBias } from '../../../src/passes/fuse-bias.ts';
import type { OnnxModelBuilder } from '../../fixtures/onnx-builder.ts';

export const PRECISION = fixedType(16, 6);

export const parse = (m: OnnxModelBuilder, file = 'test.onnx'): Graph => parseOnnx(m.encode(), file, { defaultPrecision: PRECISION });

/** The fuse-bias pass on a translated graph: MatMul + Add (a dense and a bias layer) become one dense layer. */
export const fused = (g: Graph): Graph => fuseBias.run(g, loadConfig({ model: 'm.onnx' }));

/** parse, then fuse-bias (the flow's first pass) */
export const parseFused = (m: OnnxModelBuilder, file = 'test.onnx'): Graph => fused(parse(m, file));

export function layerOf<K extends LayerKind>(g: Graph, name: string, kind: K): LayerOf<K> {
  const l = g.layers.find((x) => x.name === name);
  if (!l || l.kind !== kind) throw new Error(`expected a ${kind} layer '${name}', got ${l?.kind ?? 'none'}`);
  return l as LayerOf<K>;
}

export const kinds = (g: Graph): string[] => g.layers.map((l: Layer) => l.kind);

export { thrown } from '../../helpers/thrown.ts';

/** deterministic test values: k-th value of a small sawtooth with both signs, exactly representable in float32 */
export const ramp = (n: number, offset = 0): number[] => Array.from({ length: n }, (_, k) => (((k * 7 + offset) % 23) - 11) / 16);
