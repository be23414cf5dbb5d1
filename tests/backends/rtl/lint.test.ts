import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRtl, writeRtlProject } from '../../../src/backends/rtl/index.ts';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { inputLayers, layerByName, sizeOf, type Graph } from '../../../src/ir/graph.ts';
import { applyConfig } from '../../../src/passes/apply-config.ts';
import { run } from '../../../src/rtlsim/build.ts';
import { mlpGraph } from '../../helpers/graphs.ts';
import { configFor, hasVerilator } from '../../rtlsim/rtl-harness.ts';
import { dataMovement, dots, mergeOfFour, mergeOfTwo, residualMlp, twoInTwoOut } from '../../rtlsim/branching-graphs.ts';
import { conv1dGraph, conv2dGraph } from '../../rtlsim/conv-graphs.ts';

const P = parseFixedType;

/** Designs covering every layer kind, both accumulation forms and both dense forms. */
function designs(): { name: string; graph: Graph; config: ReturnType<typeof configFor> }[] {
  const withAll = mlpGraph([6, 8, 4], { hidden: 'sigmoid', last: 'softmax', seed: 9 });
  const layers = [...withAll.layers];
  const extra = [
    { kind: 'tanh', name: 'tanh_x', tableSize: 256 },
    { kind: 'batchnorm', name: 'bn_x', scale: Float64Array.from([1, -2, 0, 0.5]), bias: Float64Array.from([0, 0.25, -1, 2]) },
    { kind: 'leaky_relu', name: 'lrelu_x', alpha: 0.1 },
    { kind: 'clip', name: 'clip_x', min: 0, max: 6 },
    { kind: 'identity', name: 'id_x' },
    { kind: 'linear', name: 'lin_x' },
    { kind: 'relu', name: 'relu_x' },
    { kind: 'prelu', name: 'prelu_x', alpha: Float64Array.from([0.25, 0, -0.5, 1.5]) },
    { kind: 'hard_sigmoid', name: 'hsig_x', alpha: 0.2, beta: 0.5 },
    { kind: 'hard_tanh', name: 'htanh_x' },
    { kind: 'thresholded_relu', name: 'trelu_x', theta: 0.3 },
    { kind: 'elu', name: 'elu_x', alpha: 1, tableSize: 128 },
    { kind: 'selu', name: 'selu_x', alpha: 1.6732632423543772, scale: 1.0507009873554805, tableSize: 128 },
    { kind: 'softplus', name: 'softplus_x', tableSize: 128 },
    { kind: 'silu', name: 'silu_x', tableSize: 128 },
    { kind: 'softsign', name: 'softsign_x', tableSize: 128 },
    { kind: 'ternary_tanh', name: 'ttanh_x', threshold: 0.5 },
    { kind: 'binary_tanh', name: 'btanh_x' },
  ];
  for (const e of extra) layers.push({ ...layers[1], ...e, inputs: [layers[layers.length - 1].name], shape: [4] } as never);
  const graph = { ...withAll, name: 'every kind', layers, outputs: [layers[layers.length - 1].name] };
  const sat = { dense_1: { precision: { accum: P('ap_fixed<20,8,AP_RND,AP_SAT>') } }, dense_2: { precision: { accum: P('ap_fixed<20,8,AP_RND_CONV,AP_SAT_SYM>') } } };
  return [
    { name: 'every kind, reuse 1', graph, config: configFor() },
    { name: 'every kind, saturating accum, reuse 3', graph, config: configFor({ reuseFactor: 3, layerName: sat }) },
    { name: 'unsigned types', graph: mlpGraph([5, 7, 3], { last: 'relu' }), config: configFor({ precision: 'ap_ufixed<12,4,AP_RND,AP_SAT>' }) },
  ];
}

describe('the generated Verilog', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  for (const d of designs()) {
    it.skipIf(!hasVerilator)(`passes verilator --lint-only -Wall without warnings (${d.name})`, async () => {
      const graph = applyConfig.run(d.graph, d.config);
      const dir = mkdtempSync(join(tmpdir(), 'hlsforge-lint-'));
      dirs.push(dir);
      const n = graph.layers[0].shape[0];
      const out = graph.layers[graph.layers.length - 1].shape[0];
      const info = writeRtlProject(graph, d.config, dir, { inputs: new Float64Array(n), predictions: new Float64Array(out), batch: 1 });
      expect(planRtl(graph, d.config)).toEqual(info);
      const lint = await run('verilator', ['--lint-only', '-Wall', '--top-module', d.config.projectName, ...info.perLayer.map((l) => `rtl/${l.module}.v`), `rtl/${d.config.projectName}.v`], dir);
      expect(lint.output).toBe('');
      expect(lint.code).toBe(0);
    });
  }

  for (const graph of [mergeOfTwo(), mergeOfTwo(3), mergeOfFour(), dataMovement(), dots(), twoInTwoOut(), residualMlp(4), conv2dGraph(), conv1dGraph()]) {
    it.skipIf(!hasVerilator)(`passes verilator --lint-only -Wall without warnings (branching: ${graph.name})`, async () => {
      const config = configFor();
      const dir = mkdtempSync(join(tmpdir(), 'hlsforge-lint-'));
      dirs.push(dir);
      const n = inputLayers(graph).reduce((k, l) => k + sizeOf(l.shape), 0);
      const out = graph.outputs.reduce((k, o) => k + sizeOf(layerByName(graph, o)!.shape), 0);
      const info = writeRtlProject(graph, config, dir, { inputs: new Float64Array(n), predictions: new Float64Array(out), batch: 1 });
      expect(planRtl(graph, config)).toEqual(info);
      const lint = await run('verilator', ['--lint-only', '-Wall', '--top-module', config.projectName, ...info.perLayer.map((l) => `rtl/${l.module}.v`), `rtl/${config.projectName}.v`], dir);
      expect(lint.output).toBe('');
      expect(lint.code).toBe(0);
    });
  }
});
