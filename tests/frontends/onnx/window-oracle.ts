/** Builds one-op convolution-family models and checks the translated graph against onnxruntime-node. */
import { expect } from 'vitest';
import { emulate } from '../../../src/emulator/index.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { OnnxModelBuilder, type AttrValue, type TensorDtype } from '../../fixtures/onnx-builder.ts';
import { floatForward } from './float-forward.ts';
import { parse } from './helpers.ts';
import { runOrt } from './ort-oracle.ts';

/** deterministic float32 inputs with both signs and no ties */
export const samples = (n: number, count = 2): Float32Array[] =>
  Array.from({ length: count }, (_s, s) => Float32Array.from({ length: n }, (_v, i) => Math.fround(Math.sin(i * 1.37 + s * 2.1 + 0.3) * 2)));

/** an initializer: name, dims, values, data type (float by default) */
export type Init = [string, number[], number[], TensorDtype?];

/** x [1, …dims] → op(x, initializers…) → y */
export function oneOp(op: string, dims: readonly number[], attrs: Record<string, AttrValue> = {}, inits: Init[] = [], opset = 13, domain = ''): OnnxModelBuilder {
  const m = new OnnxModelBuilder({ opset }).input('x', [1, ...dims]);
  for (const [name, d, v, dtype] of inits) m.initializer(name, d, v, { dtype });
  const names = ['x', ...inits.map(([name]) => name)];
  return m.node(op, names, ['y'], attrs, 'op', domain).output('y');
}

/**
 * The graph's double forward pass (float-forward.ts) and the emulator in float mode both equal onnxruntime's output
 * within 1e-5 relative to max(|v|, 1); returns the graph.
 */
export async function expectOrtAgrees(m: OnnxModelBuilder, ortModel: OnnxModelBuilder = m): Promise<Graph> {
  const g = parse(m);
  const n = g.layers[0].shape.reduce((a, b) => a * b, 1);
  const xs = samples(n);
  const theirs = await runOrt(ortModel.encode(), xs, [...g.layers[0].shape]);
  xs.forEach((x, k) => {
    for (const ours of [floatForward(g, x), emulate(g, Float64Array.from(x), 1, { mode: 'float' }).output]) {
      expect(ours.length).toBe(theirs[k].length);
      const worst = ours.reduce((w, v, j) => Math.max(w, Math.abs(v - theirs[k][j]) / Math.max(Math.abs(v), 1)), 0);
      expect(worst).toBeLessThanOrEqual(1e-5);
    }
  });
  return g;
}
