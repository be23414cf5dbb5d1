/**
 * The whole-model designs that calibrate the RTL estimate against Yosys 0.23 `synth_xilinx -family xcup -abc9`: the
 * jet tagger example at 16/8/6 bits, reuse factor 1 and 4, 70 % pruned (bench/yosys-jet-tagger.json), and a small
 * CNN (conv, relu, max pool, dense) at reuse factor 1 and 3, io_parallel and io_stream (bench/yosys-small-cnn.json).
 * `node bin/run-ts.js bench/estimate.ts --synth` synthesizes them all (one at a time) and rewrites each record as it
 * finishes; tests/estimate/rtl/yosys-calibration.test.ts holds today's estimate against those records.
 */
import type { ProjectConfig } from '../../../src/config/project-config.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import type { LayerOf } from '../../../src/ir/layers.ts';
import { prunedWeights } from '../../../src/passes/prune-weights.ts';
import { compile } from '../../../src/pipeline.ts';
import { smallCnn } from '../../rtlsim/conv-graphs.ts';
import { configFor } from '../../rtlsim/rtl-harness.ts';

export type YosysRecord = 'jet-tagger' | 'small-cnn';

export interface YosysDesign {
  readonly name: string;
  /** the record file: bench/yosys-<record>.json */
  readonly record: YosysRecord;
  readonly describe: Record<string, string | number>;
  readonly build: () => { graph: Graph; config: ProjectConfig };
}

const MODEL = new URL('../../../examples/jet_tagger/jet_tagger.onnx', import.meta.url).pathname;
const CONFIG = new URL('../../../examples/jet_tagger/config.yml', import.meta.url).pathname;

/** Zero the given fraction of smallest weights of every dense layer (the prune-weights pass's rule). */
const prune = (g: Graph, sparsity: number): Graph => ({
  ...g,
  layers: g.layers.map((l) => (l.kind === 'dense' ? ({ ...l, weights: prunedWeights(l.weights, { sparsity }) } satisfies LayerOf<'dense'>) : l)),
});

const jet = (name: string, precision: string, reuse: number, sparsity?: number): YosysDesign => ({
  name,
  record: 'jet-tagger',
  describe: { precision, reuse, ...(sparsity ? { sparsity } : {}) },
  build: () => {
    const c = compile({ model: MODEL, configFile: CONFIG, overrides: { precision, reuseFactor: reuse, strategy: reuse > 1 ? 'resource' : 'latency', backend: 'RTL' } });
    return { graph: sparsity ? prune(c.graph, sparsity) : c.graph, config: c.config };
  },
});

const cnn = (name: string, precision: string, reuse: number, ioType: 'io_parallel' | 'io_stream' = 'io_parallel'): YosysDesign => ({
  name,
  record: 'small-cnn',
  describe: { precision, reuse, ioType },
  build: () => ({ graph: smallCnn(precision, reuse), config: { ...configFor(), projectName: 'calib', backend: 'RTL', ioType } }),
});

export const YOSYS_DESIGNS: readonly YosysDesign[] = [
  jet('16b-rf1', 'ap_fixed<16,6>', 1),
  jet('16b-rf4', 'ap_fixed<16,6>', 4),
  jet('8b-rf1', 'ap_fixed<8,3>', 1),
  jet('8b-rf4', 'ap_fixed<8,3>', 4),
  jet('6b-rf1', 'ap_fixed<6,2>', 1),
  jet('6b-rf4', 'ap_fixed<6,2>', 4),
  jet('8b-rf1-pruned70', 'ap_fixed<8,3>', 1, 0.7),
  cnn('cnn-8b-rf1', 'ap_fixed<8,3>', 1),
  cnn('cnn-8b-rf3', 'ap_fixed<8,3>', 3),
  cnn('cnn-16b-rf1', 'ap_fixed<16,6>', 1),
  cnn('cnn-8b-rf1-stream', 'ap_fixed<8,3>', 1, 'io_stream'),
];

export const recordFile = (r: YosysRecord): URL => new URL(`../../../bench/yosys-${r}.json`, import.meta.url);
