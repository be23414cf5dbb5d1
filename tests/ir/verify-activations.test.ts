import { describe, expect, it } from 'vitest';
import { verifyGraph } from '../../src/ir/verify.ts';
import { chain, type LayerSpec } from '../emulator/build-graph.ts';
import { thrown } from '../helpers/thrown.ts';

const N = 4;
const graphWith = (layer: LayerSpec) => chain([{ kind: 'input', name: 'x', shape: [N] }, layer]);

describe('verify on the more activations', () => {
  it('accepts prelu with one slope per channel or one shared slope', () => {
    for (const alpha of [[0.1, 0.2, 0.3, 0.4], [0.25]]) verifyGraph(graphWith({ kind: 'prelu', name: 'p', shape: [N], alpha: Float64Array.from(alpha) }), { configured: true });
  });

  it.each([
    ['prelu with 3 slopes for 4 channels', { kind: 'prelu', name: 'p', shape: [N], alpha: Float64Array.from([1, 2, 3]) }, 'shape-mismatch', 'alpha must have 4 elements (one per channel), not 3'],
    ['prelu with a NaN slope', { kind: 'prelu', name: 'p', shape: [N], alpha: Float64Array.from([NaN]) }, 'bad-weights', 'element 0 is NaN'],
    ['hard_sigmoid with an infinite slope', { kind: 'hard_sigmoid', name: 'p', shape: [N], alpha: Infinity, beta: 0.5 }, 'bad-weights', 'element 0 is Infinity'],
    ['ternary_tanh with a negative threshold', { kind: 'ternary_tanh', name: 'p', shape: [N], threshold: -0.5 }, 'unsupported-attribute', 'threshold must be a finite number ≥ 0, not -0.5'],
    ['thresholded_relu with a NaN theta', { kind: 'thresholded_relu', name: 'p', shape: [N], theta: NaN }, 'unsupported-attribute', 'theta must be a number, not NaN'],
    ['elu of another size', { kind: 'elu', name: 'p', shape: [N + 1], alpha: 1, tableSize: 1024 }, 'shape-mismatch', 'output size must equal input size 4, not 5'],
  ] as [string, LayerSpec, string, string][])('rejects %s', (_what, layer, code, detail) => {
    const e = thrown(() => verifyGraph(graphWith(layer)));
    expect(e.code).toBe(code);
    expect(e.message).toContain(`layer 'p' (${layer.kind}): `);
    expect(e.message.endsWith(detail)).toBe(true);
  });
});
