import { describe, expect, it } from 'vitest';
import { buildProjectView } from '../../../../src/backends/hls/build-view.ts';
import { headersFor } from '../../../../src/backends/hls/emitters/headers.ts';
import { parseFixedType, sigmoidTable, tanhTable } from '../../../../src/fixed/index.ts';
import type { Graph } from '../../../../src/ir/graph.ts';
import type { RecurrentLayer } from '../../../../src/ir/layers.ts';
import { HARD_SIGMOID_KERAS2 } from '../../../../src/ir/recurrent.ts';
import { chain, randomArray, rng, type LayerSpec } from '../../../emulator/build-graph.ts';
import { projectConfig } from '../graph-builders.ts';

const [T, F, U] = [4, 3, 2];
const viewOf = (g: Graph) => buildProjectView(g, projectConfig('myproject', '/tmp/unused'), 'test');
const valuesOf = (rows: readonly string[]): number[] => rows.flatMap((r) => r.split(', ').map(Number));

function graphOf(extra: Record<string, unknown>): Graph {
  const random = rng(7);
  const g = 4 * U;
  const spec = {
    kind: 'lstm', name: 'pulse lstm', shape: [T, U], units: U, nIn: F, steps: T, returnSequences: true, goBackwards: true, reverseOutputs: false,
    activation: { fn: 'tanh' }, recurrentActivation: { fn: 'sigmoid' },
    kernel: randomArray(random, F * g, 1.3), recurrentKernel: randomArray(random, U * g, 1.3), bias: randomArray(random, g, 0.5), recurrentBias: new Float64Array(g),
    tableSize: 256, precision: { weight: 'ap_fixed<6,2,AP_RND>', recurrent_weight: 'ap_fixed<5,1,AP_RND>', table: 'ap_fixed<10,2>', recurrent_table: 'ap_ufixed<8,0>', param: 'ap_fixed<8,1,AP_RND>' },
    ...extra,
  } as unknown as LayerSpec;
  return chain([{ kind: 'input', name: 'x', shape: [T, F] }, spec]);
}

describe('HLS emitter of recurrent layers', () => {
  it('emits nnet::lstm with the weights quantized once, the tables of src/fixed and the flags, naming the model layer', () => {
    const graph = graphOf({});
    const l = graph.layers[1] as RecurrentLayer;
    const view = viewOf(graph);
    const layer = view.layers[0];
    expect(layer.comment).toContain("'pulse lstm' (lstm)");
    expect(layer.calls[0].kernel).toBe('nnet::lstm<input_t, layer2_t, config2>');
    const array = (name: string) => valuesOf(view.arrays.find((a) => a.name === name)!.rows);
    // AP_RND (half up) to 4 fraction bits, then AP_WRAP into W bits, written independently of src/fixed
    const q = (v: number, w: number) => (((((Math.floor(v * 16 + 0.5) + 2 ** (w - 1)) % 2 ** w) + 2 ** w) % 2 ** w) - 2 ** (w - 1)) / 16;
    expect(array('w2')).toEqual([...l.kernel].map((v) => q(v, 6)));
    expect(array('wr2')).toEqual([...l.recurrentKernel].map((v) => q(v, 5)));
    expect(array('wr2').some((v, i) => Math.abs(v - l.recurrentKernel[i]) > 0.5)).toBe(true); // some wrap
    expect(array('act_table2')).toEqual([...tanhTable(256, parseFixedType('ap_fixed<10,2>'))]);
    expect(array('ract_table2')).toEqual([...sigmoidTable(256, parseFixedType('ap_ufixed<8,0>'))]);
    const constants = Object.fromEntries(layer.config.constants.map((c) => [c.name, c.value]));
    expect(constants).toMatchObject({
      n_in: String(T * F), n_steps: String(T), n_feat: String(F), n_units: String(U), return_sequences: '1', go_backwards: '1', reverse_outputs: '0',
      table_bits: '8', act_range_bits: '3', ract_range_bits: '4', activation: 'nnet::cell_tanh', recurrent_activation: 'nnet::cell_sigmoid',
    });
    expect(headersFor(['lstm', 'gru', 'simple_rnn'])).toEqual(['nnet_common.h', 'nnet_recurrent.h']);
  });

  it('passes hard_sigmoid as exact αq, βq of param_t and no table when no activation needs one', () => {
    const view = viewOf(graphOf({ activation: { fn: 'relu' }, recurrentActivation: HARD_SIGMOID_KERAS2 }));
    const layer = view.layers[0];
    expect(view.arrays.some((a) => a.name.includes('table'))).toBe(false);
    // αq = Q(0.2) in ap_fixed<8,1,AP_RND> = 26/128, βq = 0.5
    expect(layer.calls[0].args).toContain('nullptr, nullptr, 0, 0, 0.203125, 0.5');
    expect(layer.config.typedefs.map((t) => t.name)).toContain('param_t');
  });
});
