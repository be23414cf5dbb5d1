import { describe, expect, it } from 'vitest';
import { formatFixedType } from '../../src/fixed/index.ts';
import { SELU_ALPHA, SELU_SCALE, type Layer } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { chain } from '../emulator/build-graph.ts';
import { configured, yamlConfig } from './pass-helpers.ts';

const N = 3;
const graph = chain([
  { kind: 'input', name: 'x', shape: [N] },
  { kind: 'elu', name: 'elu', shape: [N], alpha: 1, tableSize: 1024 },
  { kind: 'selu', name: 'selu', shape: [N], alpha: SELU_ALPHA, scale: SELU_SCALE, tableSize: 1024 },
  { kind: 'prelu', name: 'prelu', shape: [N], alpha: Float64Array.from([0.1, 0.2, 0.3]) },
  { kind: 'hard_sigmoid', name: 'hs', shape: [N], alpha: 0.2, beta: 0.5 },
  { kind: 'hard_tanh', name: 'ht', shape: [N] },
  { kind: 'thresholded_relu', name: 'tr', shape: [N], theta: 1 },
  { kind: 'ternary_tanh', name: 'tt', shape: [N], threshold: 0.5 },
  { kind: 'silu', name: 'silu', shape: [N], tableSize: 1024 },
]);
const typeOf = (g: { layers: readonly Layer[] }, name: string, v: 'result' | 'param' | 'table') => {
  const t = g.layers.find((l) => l.name === name)!.precision[v];
  return t && formatFixedType(t);
};

describe('apply-config on the more activations', () => {
  it("fills each kind's precision variables: tables at the table default, params at the model default", () => {
    const g = configured(graph);
    verifyGraph(g, { configured: true });
    expect([typeOf(g, 'selu', 'param'), typeOf(g, 'selu', 'table'), typeOf(g, 'prelu', 'param'), typeOf(g, 'elu', 'param')]).toEqual(['ap_fixed<16,6>', 'ap_fixed<18,8,AP_RND,AP_SAT>', 'ap_fixed<16,6>', undefined]);
  });

  it("applies hls4ml's class names (ELU, PReLU, ParametrizedActivation, HardActivation, TernaryTanh) and TableSize", () => {
    const g = configured(graph, yamlConfig(`HLSConfig:
  LayerType:
    Activation: { TableSize: 256 }
    ParametrizedActivation: { Precision: { result: 'ap_fixed<12,4>' } }
    PReLU: { Precision: { param: 'ap_fixed<8,1,AP_RND>' } }
    HardActivation: { Precision: { result: 'ap_ufixed<8,1,AP_RND,AP_SAT>' } }
    TernaryTanh: { Precision: { result: 'ap_fixed<2,2>' } }
    ELU: { TableSize: 512 }
`));
    const size = (name: string) => (g.layers.find((l) => l.name === name) as { tableSize: number }).tableSize;
    expect([size('elu'), size('selu'), size('silu')]).toEqual([512, 256, 256]);
    expect(typeOf(g, 'tr', 'result')).toBe('ap_fixed<12,4>');
    expect(typeOf(g, 'prelu', 'param')).toBe('ap_fixed<8,1,AP_RND>');
    expect([typeOf(g, 'hs', 'result'), typeOf(g, 'ht', 'result')]).toEqual(['ap_ufixed<8,1,AP_RND,AP_SAT>', 'ap_ufixed<8,1,AP_RND,AP_SAT>']);
    expect(typeOf(g, 'tt', 'result')).toBe('ap_fixed<2,2>');
  });
});
