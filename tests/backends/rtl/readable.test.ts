import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRtlProject } from '../../../src/backends/rtl/index.ts';
import { expTable, fracBits, quantizeDouble, sigmoidTable, type FixedType } from '../../../src/fixed/index.ts';
import { inputLayers, layerByName, sizeOf, type Graph } from '../../../src/ir/graph.ts';
import type { Layer } from '../../../src/ir/layers.ts';
import { applyConfig } from '../../../src/passes/apply-config.ts';
import { run } from '../../../src/rtlsim/build.ts';
import { mlpGraph } from '../../helpers/graphs.ts';
import { hasYosys } from '../../helpers/oracles.ts';
import { tempDirForFile } from '../../helpers/temp.ts';
import { configFor } from '../../rtlsim/rtl-harness.ts';
import { conv2dGraph } from '../../rtlsim/conv-graphs.ts';

/** Signals a module declares (ports excluded), in order. */
const declared = (v: string): string[] => [...v.matchAll(/^\s+(?:wire|reg)\s+(?:signed\s+)?(?:\[\d+:\d+\]\s+)?(\w+)\s*;/gm)].map((m) => m[1]);

/** `name_<k>`: a second signal of a name already taken (the uniquifier's suffix). */
const repeats = (names: readonly string[]): string[] => {
  const all = new Set(names);
  return names.filter((n) => {
    const m = /^(.*)_\d+$/.exec(n);
    return m !== null && all.has(m[1]);
  });
};

/** The words of a `$readmemh` file (comments and blank lines skipped), entry 0 first. */
const memWords = (text: string): bigint[] =>
  text
    .split('\n')
    .map((l) => l.replace(/\/\/.*/, '').trim())
    .filter((l) => l !== '')
    .map((l) => BigInt(`0x${l}`));

/** The mantissas of exact values of type t, as the unsigned bit patterns of t's internal (signed) width. */
const words = (values: Float64Array, t: FixedType): bigint[] => {
  const w = t.signed ? t.width : t.width + 1;
  return Array.from(values, (x) => BigInt(quantizeDouble(x, t)) & ((1n << BigInt(w)) - 1n));
};

function write(graph: Graph, dir: string, reuseFactor = 1) {
  const config = configFor({ reuseFactor });
  const g = applyConfig.run(graph, config);
  const n = inputLayers(g).reduce((k, l) => k + sizeOf(l.shape), 0);
  const out = g.outputs.reduce((k, o) => k + sizeOf(layerByName(g, o)!.shape), 0);
  const info = writeRtlProject(g, config, dir, { inputs: new Float64Array(n), predictions: new Float64Array(out), batch: 1 });
  const read = (module: string) => readFileSync(join(dir, 'rtl', `${module}.v`), 'utf8');
  return { g, info, read, config };
}

/** The MLP with its dense layers marked as coming from ONNX Gemm nodes. */
function mlp(): Graph {
  const g = mlpGraph([6, 8, 4], { hidden: 'sigmoid', last: 'softmax', seed: 9 });
  return { ...g, layers: g.layers.map((l): Layer => (l.kind === 'dense' ? { ...l, origin: { file: '/models/mlp.onnx', op: 'Gemm', node: `/${l.name}/Gemm` } } : l)) };
}

describe('readable RTL (issue 13)', () => {
  const dir = tempDirForFile('readable');
  const { g, info, read } = write(mlp(), join(dir, 'a'));
  const module = (layer: string) => read(info.perLayer.find((p) => p.name === layer)!.module);

  it('names a dense layer\'s signals by input, product, neuron and tree level, prefixed with the layer', () => {
    const v = module('dense_1');
    const names = declared(v);
    for (let j = 0; j < 8; j++) expect(names, `neuron ${j}`).toContain(`dense_1_n${j}_acc`);
    for (let i = 0; i < 6; i++) expect(names).toContain(`dense_1_x${i}`);
    expect(names).toContain('dense_1_n0_p0'); // Q_accum of x0 · w_00
    expect(names.some((n) => /^dense_1_n0_l0_\d+$/.test(n))).toBe(true); // first tree level
    expect(names.some((n) => /^dense_1_x\d+_[cm]\d+$/.test(n))).toBe(true); // a product x_i · odd constant
    // every signal but constants carries the layer's name; the old anonymous names are gone
    expect(names.filter((n) => !n.startsWith('dense_1_') && !/^c_m?\d+_[wu]\d+$/.test(n))).toEqual([]);
    expect(names.filter((n) => /_o\d+_t\d+|_\d{3,}$/.test(n))).toEqual([]);
  });

  it('keeps names legal, unique and mostly unrepeated in every module', () => {
    for (const p of info.perLayer) {
      const names = declared(read(p.module));
      expect(new Set(names).size, p.module).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(names.filter((n) => n.includes('__'))).toEqual([]);
      expect(repeats(names).length / Math.max(1, names.length), p.module).toBeLessThan(0.15);
    }
  });

  it('writes the same Verilog on every run', () => {
    const again = write(mlp(), join(dir, 'b'));
    for (const p of info.perLayer) expect(again.read(p.module), p.module).toBe(read(p.module));
  });

  it('heads each layer module with the model layer, its source op, types, reuse factor and timing', () => {
    const v = module('dense_1');
    const header = v.slice(0, v.indexOf('\nmodule '));
    const dense = g.layers.find((l) => l.name === 'dense_1')!;
    expect(header).toContain(`// layer 'dense_1' (dense): module ${info.perLayer[0].module}`);
    expect(header).toContain("// source op: Gemm node '/dense_1/Gemm' in mlp.onnx");
    expect(header).toContain('// input [6] ap_fixed<16,6> -> result [8] ap_fixed<16,6>');
    expect(header).toMatch(/\/\/ precision: weight ap_fixed<16,6>, bias ap_fixed<16,6>, accum ap_fixed<16,6>/);
    expect(header).toContain(`// reuse factor ${dense.reuseFactor}, strategy latency`);
    expect(header).toContain(`// latency ${info.perLayer[0].latency} cycles (registers crossed), II 1`);
    // logic flows across layers: the header says how deep the ports are
    expect(header).toContain(`// ports not registered: inputs arrive 0 ns into their stage; y leaves unregistered ${info.perLayer[0].outDepthNs} ns into the last stage`);
    expect(module('sigmoid_1')).toContain('// source op: none (added by hlsforge)');
  });

  it('writes lookup tables as $readmemh files holding src/fixed\'s tables, listed in hlsforge.json', () => {
    const [sigModule, softModule] = ['sigmoid_1', 'softmax_2'].map((n) => info.perLayer.find((p) => p.name === n)!.module);
    const meta = JSON.parse(readFileSync(join(dir, 'a', 'hlsforge.json'), 'utf8')) as { romFiles: string[] };
    expect(meta.romFiles).toEqual([`rtl/${sigModule}_sigmoid_table.mem`, `rtl/${softModule}_exp_table.mem`, `rtl/${softModule}_inv_table.mem`]);

    const sig = g.layers.find((l) => l.kind === 'sigmoid')!;
    const res = sig.precision.result;
    const expected = words(sigmoidTable(1024, sig.precision.table!).map((x) => quantizeDouble(x, res) * 2 ** -fracBits(res)), res);
    const text = readFileSync(join(dir, 'a', meta.romFiles[0]), 'utf8');
    expect(memWords(text)).toEqual(expected);
    expect(text.split('\n')[2]).toMatch(/^[0-9a-f]{4}$/); // 16-bit words as 4 hex digits, after the two comment lines
    expect(module('sigmoid_1')).toContain(`initial $readmemh("${sigModule}_sigmoid_table.mem", sigmoid_table);`);
    expect(module('sigmoid_1')).toMatch(/= sigmoid_table\[sigmoid_1_addr\d+\w*\];/);

    const soft = g.layers.find((l) => l.kind === 'softmax')!;
    const expT = soft.precision.exp_table!;
    expect(memWords(readFileSync(join(dir, 'a', meta.romFiles[1]), 'utf8'))).toEqual(words(expTable(1024, expT), expT));
  });

  it.skipIf(!hasYosys())('is read by Yosys from any folder, the table one ROM with a read port per element', async () => {
    const m = info.perLayer.find((p) => p.name === 'sigmoid_1')!.module;
    // run from another folder: Yosys finds the .mem file beside the .v file, as Vivado does
    const r = await run('yosys', ['-q', '-p', `read_verilog ${join(dir, 'a', 'rtl', `${m}.v`)}; proc; opt_clean; tee -o rom.stat stat`], dir);
    expect(r.code, r.output).toBe(0);
    expect(r.output).not.toMatch(/can not open|Can not open/i);
    const stat = readFileSync(join(dir, 'rom.stat'), 'utf8');
    const w = g.layers.find((l) => l.name === 'sigmoid_1')!.precision.result.width;
    expect(stat).toMatch(/Number of memories:\s+1\n/);
    expect(stat).toMatch(new RegExp(`Number of memory bits:\\s+${1024 * w}\\n`));
    expect(stat).toMatch(/\$memrd(_v2)?\s+8\n/);
    expect(stat).toMatch(/\$meminit(_v2)?\s+1\n/);
  });

  it('gives the port table and every element\'s bits in the README', () => {
    const readme = readFileSync(join(dir, 'a', 'README.md'), 'utf8');
    expect(readme).toContain('| `in_data` | 95:0 | input_1 | [6] | 6 | `ap_fixed<16,6>` | 16·i + 15 : 16·i |');
    expect(readme).toContain('| `out_data` | 63:0 | softmax_2 | [4] | 4 | `ap_fixed<16,6>` | 16·i + 15 : 16·i |');
    expect(readme).toContain('| `in_data[95:80]` | input_1[5] | `ap_fixed<16,6>` |');
    expect(readme).toContain('| `out_data[15:0]` | softmax_2[0] | `ap_fixed<16,6>` |');
    expect(readme).toContain('## Reading the Verilog');
  });

  it('names convolution signals by output position and neuron, and reuse-factor layers by the layer', () => {
    const conv = write(conv2dGraph(), join(dir, 'conv'));
    const p = conv.info.perLayer.find((l) => l.kind === 'conv')!;
    const names = declared(conv.read(p.module));
    const prefix = conv.g.layers.find((l) => l.name === p.name)!.name.replace(/[^A-Za-z0-9_]/g, '_');
    expect(names.some((n) => new RegExp(`^${prefix}_pos0_n0_(acc|a\\d+)$`).test(n))).toBe(true);
    expect(repeats(names).length / names.length).toBeLessThan(0.15);

    const reuse = write(mlp(), join(dir, 'rf'), 3);
    const rf = declared(reuse.read(reuse.info.perLayer[0].module));
    expect(rf.filter((n) => !n.startsWith('dense_1_') && !/^c_m?\d+_[wu]\d+$/.test(n))).toEqual([]);
  });
});
