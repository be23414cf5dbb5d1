import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseVectorFile, writeHlsProject, type HlsProjectMeta } from '../../../src/backends/hls/index.ts';
import { isHlsforgeError } from '../../../src/diagnostics/diagnostic.ts';
import { quantizeArray } from '../../../src/fixed/index.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import type { DenseLayer } from '../../../src/ir/layers.ts';
import { ChainBuilder, fx, projectConfig, seededRandom, uniform } from './graph-builders.ts';

const work = mkdtempSync(join(tmpdir(), 'hlsforge-hls-layout-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BATCH = 7;
const graph = new ChainBuilder('model "one"', 6, fx('ap_fixed<16,6>'), 3)
  .dense(5, { name: 'a*/b\nint' })
  .relu({ name: '../../x' })
  .sigmoid(256, { name: 'sig' })
  .dense(4, { name: '1abc' })
  .softmax(1024, { name: 'out' })
  .build();

function write(g: Graph, name: string, backend: 'Vivado' | 'Vitis' = 'Vivado', batch = BATCH, outputs = 4): string {
  const dir = join(work, name);
  const inputs = uniform(batch * 6, seededRandom(1), -2, 2);
  writeHlsProject(g, { ...projectConfig('my_prj', dir), backend }, dir, { inputs, predictions: new Float64Array(batch * outputs).fill(0.25), batch });
  return dir;
}

function diagnosticCode(f: () => void): string {
  try {
    f();
  } catch (e) {
    if (isHlsforgeError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a diagnostic');
}

const allFiles = (dir: string, prefix = ''): string[] =>
  readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );

describe('writeHlsProject', () => {
  const dir = write(graph, 'layout');

  it('writes the hls4ml project layout', () => {
    for (const f of [
      'firmware/my_prj.cpp',
      'firmware/my_prj.h',
      'firmware/defines.h',
      'firmware/parameters.h',
      'firmware/weights/w2.h',
      'firmware/weights/b2.h',
      'firmware/weights/sigmoid_table4.h',
      'firmware/weights/w5.h',
      'firmware/weights/exp_table6.h',
      'firmware/weights/inv_table6.h',
      'firmware/nnet_utils/nnet_dense.h',
      'firmware/nnet_utils/nnet_activation.h',
      'firmware/ap_types/ap_fixed.h',
      'firmware/ap_types/ap_int.h',
      'my_prj_test.cpp',
      'tb_data/tb_input_features.dat',
      'tb_data/tb_output_predictions.dat',
      'build_prj.tcl',
      'build_prj_vitis.tcl',
      'hlsforge.json',
      'README.md',
    ])
      expect(existsSync(join(dir, f)), f).toBe(true);
  });

  it('prints every quantized weight exactly', () => {
    const dense = graph.layers[1] as DenseLayer;
    const text = readFileSync(join(dir, 'firmware/weights/w2.h'), 'utf8');
    const body = text.slice(text.indexOf('{') + 1, text.lastIndexOf('}'));
    const printed = body.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
    expect(printed).toEqual([...quantizeArray(dense.weights, fx('ap_fixed<16,6>'))]);
  });

  it('writes the test vectors so that they read back as the same doubles', () => {
    const rows = parseVectorFile(readFileSync(join(dir, 'tb_data/tb_input_features.dat'), 'utf8'));
    expect(rows.flat()).toEqual([...uniform(BATCH * 6, seededRandom(1), -2, 2)]);
    expect(rows.every((r) => r.length === 6)).toBe(true);
  });

  it('describes the project in hlsforge.json', () => {
    const meta = JSON.parse(readFileSync(join(dir, 'hlsforge.json'), 'utf8')) as HlsProjectMeta;
    expect(meta).toMatchObject({
      format: 'hlsforge-hls-project',
      project: 'my_prj',
      backend: 'Vivado',
      buildScript: 'build_prj.tcl',
      input: { size: 6, type: 'ap_fixed<16,6>' },
      output: { size: 4 },
      samples: BATCH,
      files: { testbench: 'my_prj_test.cpp', top: 'firmware/my_prj.cpp' },
    });
    expect(meta.layers.map((l) => l.name)).toEqual(graph.layers.map((l) => l.name));
    expect(meta.layers[1].precision).toMatchObject({ weight: 'ap_fixed<16,6>', accum: 'ap_fixed<16,6>' });
  });

  it('lets model names into C++ only as sanitized comments', () => {
    const cppFiles = allFiles(dir).filter((f) => /\.(h|cpp)$/.test(f) && !f.startsWith('firmware/ap_types') && !f.startsWith('firmware/nnet_utils'));
    for (const f of cppFiles) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/a\*\/b/);
      for (const line of text.split('\n').filter((l) => l.includes('../../x'))) expect(line.trim().startsWith('//'), line).toBe(true);
      for (const line of text.split('\n').filter((l) => l.includes('//'))) expect(line).not.toMatch(/\*\//);
    }
    const top = readFileSync(join(dir, 'firmware/my_prj.cpp'), 'utf8');
    expect(top).toContain("// layer 2 'a* /b?int' (dense)");
    expect(top).toContain('void my_prj(input_t input_1[N_INPUT_1], result_t layer6_out[N_OUTPUT_1]) {');
    expect(top).toContain("nnet::dense<input_t, layer2_t, config2>(input_1, layer2_out, w2, b2);");
    expect(top).toContain('nnet::softmax<layer5_t, layer6_t, config6>(layer5_out, layer6_out, exp_table6, inv_table6);');
  });

  it("declares a branching layer's output array once and passes it to every consumer", () => {
    // relu (layer 3) feeds sigmoid (layer 4) and a skip merge (layer 7) with the sigmoid's dense (layer 5 → 6)
    const relu = graph.layers[2];
    const branching: Graph = {
      ...graph,
      layers: [
        ...graph.layers.slice(0, 4),
        { ...graph.layers[4], name: 'proj', inputs: ['sig'], shape: [5], nIn: 5, nOut: 5, weights: new Float64Array(25).fill(0.25), bias: new Float64Array(5) } as Graph['layers'][number],
        { kind: 'relu', name: 'r2', inputs: ['proj'], shape: [5], precision: relu.precision, reuseFactor: 1, strategy: 'latency' },
        { kind: 'merge', name: 'skip', op: 'add', inputs: ['../../x', 'r2'], shape: [5], precision: { result: fx('ap_fixed<18,8>') }, reuseFactor: 1, strategy: 'latency' },
      ],
      outputs: ['skip'],
    };
    const top = readFileSync(join(write(branching, 'branching', 'Vivado', BATCH, 5), 'firmware/my_prj.cpp'), 'utf8');
    expect(top.match(/layer3_t layer3_out\[N_LAYER_3\];/g)).toHaveLength(1);
    expect(top).toContain('nnet::sigmoid<layer3_t, layer4_t, config4>(layer3_out, layer4_out, sigmoid_table4);');
    expect(top).toContain('nnet::merge_first<layer3_t, config7>(layer3_out, layer7_acc);');
    expect(top).toContain('nnet::merge_add<layer6_t, config7>(layer6_out, layer7_acc);');
    expect(top).toContain('nnet::merge_result<layer7_t, config7>(layer7_acc, layer7_out);');
    expect(top).toContain("// layer 7 'skip' (merge add)");
  });

  it('makes the Vitis script primary for the Vitis backend', () => {
    const vitis = write(graph, 'vitis', 'Vitis');
    const meta = JSON.parse(readFileSync(join(vitis, 'hlsforge.json'), 'utf8')) as HlsProjectMeta;
    expect(meta.buildScript).toBe('build_prj_vitis.tcl');
    expect(readFileSync(join(vitis, 'README.md'), 'utf8')).toContain('Vitis HLS (the configured backend)');
    expect(readFileSync(join(vitis, 'build_prj_vitis.tcl'), 'utf8')).toContain('set_part {xcvu9p-flga2104-2-e}');
  });

  it('refuses test vectors of the wrong size', () => {
    expect(diagnosticCode(() => write(graph, 'bad-size', 'Vivado', BATCH, 5))).toBe('input-shape');
  });

  it('refuses a layer whose precision was not filled in', () => {
    const dense = graph.layers[1] as DenseLayer;
    const { accum: _dropped, ...precision } = dense.precision;
    const broken: Graph = { ...graph, layers: graph.layers.map((l) => (l === dense ? { ...dense, precision } : l)) };
    expect(diagnosticCode(() => write(broken, 'no-accum'))).toBe('bad-precision');
  });

  it('gives a graph with two outputs one port each, its rows holding both outputs one after the other', () => {
    // 'sig' (5 values) is also read by the next layer; 'out' has 4
    expect(diagnosticCode(() => write({ ...graph, outputs: ['sig', 'out'] }, 'two-outputs-bad', 'Vivado', BATCH, 4))).toBe('input-shape');
    const two = write({ ...graph, outputs: ['sig', 'out'] }, 'two-outputs', 'Vivado', BATCH, 9);
    const top = readFileSync(join(two, 'firmware/my_prj.cpp'), 'utf8');
    expect(top).toContain('void my_prj(input_t input_1[N_INPUT_1], result_t layer4_out[N_OUTPUT_1], result2_t layer6_out[N_OUTPUT_2]) {');
    expect(top).toContain('nnet::dense<layer4_t, layer5_t, config5>(layer4_out, layer5_out, w5, b5);');
    const meta = JSON.parse(readFileSync(join(two, 'hlsforge.json'), 'utf8')) as HlsProjectMeta;
    expect(meta.output.size).toBe(9);
    expect(meta.outputs?.map((o) => [o.name, o.size])).toEqual([['layer4_out', 5], ['layer6_out', 4]]);
  });
});
