import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/pipeline.ts';
import { emulate } from '../../src/emulator/index.ts';
import { readVectors } from '../../src/data/vectors.ts';
import { sizeOf, type Graph } from '../../src/ir/graph.ts';
import { tracedLayers } from '../../src/cli/trace-selection.ts';
import { hlsforge } from '../helpers/cli.ts';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/jet_tagger');
const SAMPLES = 40;

interface TraceDoc {
  format: string;
  samples: number;
  layers: { name: string; kind: string; shape: number[]; type: string; fixed: number[][]; float: number[][] }[];
}

let dir: string;
let config: string;
let graph: Graph;
let inputs: Float64Array;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hlsforge-trace-'));
  const lines = readFileSync(join(EXAMPLE, 'inputs.dat'), 'utf8').trim().split('\n').slice(0, SAMPLES);
  writeFileSync(join(dir, 'in.dat'), lines.join('\n') + '\n');
  config = join(dir, 'c.yml');
  writeFileSync(config, `OnnxModel: ${join(EXAMPLE, 'jet_tagger.onnx')}\nHLSConfig: { Model: { Precision: 'ap_fixed<12,5>' } }\n`);
  graph = compile({ configFile: config }).graph;
  inputs = readVectors(join(dir, 'in.dat')).data;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rowsOf = (a: Float64Array, size: number) => Array.from({ length: SAMPLES }, (_, s) => Array.from(a.subarray(s * size, (s + 1) * size)));

function run(args: string[]) {
  const r = hlsforge(args, { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  return r;
}

describe('predict --trace', () => {
  it("writes every layer's fixed-point and float outputs, equal to the emulator's own per-layer results in both modes", () => {
    run(['predict', '-c', config, '-i', 'in.dat', '--trace', '-o', 't.json']);
    const doc: TraceDoc = JSON.parse(readFileSync(join(dir, 't.json'), 'utf8'));
    const fixed = emulate(graph, inputs, SAMPLES, { trace: true }).trace!;
    const float = emulate(graph, inputs, SAMPLES, { mode: 'float', trace: true }).trace!;
    expect([doc.format, doc.samples]).toEqual(['hlsforge-trace/1', SAMPLES]);
    expect(doc.layers.map((l) => l.name)).toEqual(graph.layers.map((l) => l.name));
    for (const l of doc.layers) {
      const size = sizeOf(l.shape);
      expect(l.fixed, l.name).toEqual(rowsOf(fixed[l.name], size));
      expect(l.float, l.name).toEqual(rowsOf(float[l.name], size));
    }
    // the two columns are different computations: ap_fixed<12,5> loses bits that float keeps
    const fc1 = doc.layers.find((l) => l.name === 'fc1')!;
    expect(fc1.fixed.flat().some((x, i) => x !== fc1.float.flat()[i])).toBe(true);
    expect(fc1.type).toBe('ap_fixed<12,5>');
  });

  it("ends with the model's predictions: the last layer equals predict's fixed and --float outputs", () => {
    run(['predict', '-c', config, '-i', 'in.dat', '-o', 'fixed.dat']);
    run(['predict', '-c', config, '-i', 'in.dat', '--float', '-o', 'float.dat']);
    const r = run(['predict', '-c', config, '-i', 'in.dat', '--trace']);
    const last = (JSON.parse(r.stdout) as TraceDoc).layers.at(-1)!;
    expect(last.fixed.flat()).toEqual(Array.from(readVectors(join(dir, 'fixed.dat')).data));
    expect(last.float.flat()).toEqual(Array.from(readVectors(join(dir, 'float.dat')).data));
  });

  it('writes a folder with one .dat per layer (fixed values, then float values, per sample) and an index', () => {
    run(['predict', '-c', config, '-i', 'in.dat', '--trace', '-o', 't.json']);
    run(['predict', '-c', config, '-i', 'in.dat', '--trace', '-o', 'tdir']);
    run(['predict', '-c', config, '-i', 'in.dat', '--trace', '-o', 'tdir']); // an earlier trace is replaced
    const doc: TraceDoc = JSON.parse(readFileSync(join(dir, 't.json'), 'utf8'));
    const index = JSON.parse(readFileSync(join(dir, 'tdir/trace.json'), 'utf8'));
    expect(index.layers.map((l: { file: string }) => l.file)).toEqual(doc.layers.map((l, i) => `${String(i).padStart(2, '0')}_${l.name}.dat`));
    for (const [i, l] of doc.layers.entries()) {
      const size = sizeOf(l.shape);
      const v = readVectors(join(dir, 'tdir', index.layers[i].file));
      expect([v.batch, v.width, index.layers[i].columns]).toEqual([SAMPLES, 2 * size, `${size} fixed, then ${size} float`]);
      expect(rowsOf(v.data, 2 * size)).toEqual(l.fixed.map((row, s) => [...row, ...l.float[s]]));
    }
  });

  it('refuses to replace a folder that is not an earlier trace', () => {
    mkdirSync(join(dir, 'keep'));
    writeFileSync(join(dir, 'keep/notes.txt'), 'x');
    const r = hlsforge(['predict', '-c', config, '-i', 'in.dat', '--trace', '-o', 'keep'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`hlsforge: error[unsafe-path]: key '--output': unsafe output path: ${join(dir, 'keep')} exists and is not an hlsforge trace (no trace.json); refusing to replace it`);
    expect(readFileSync(join(dir, 'keep/notes.txt'), 'utf8')).toBe('x');
  });
});

describe('layers selected for the trace', () => {
  const withYaml = (yaml: string) => {
    writeFileSync(join(dir, 'sel.yml'), `OnnxModel: ${join(EXAMPLE, 'jet_tagger.onnx')}\nHLSConfig:\n${yaml}`);
    const c = compile({ configFile: join(dir, 'sel.yml') });
    return tracedLayers(c.graph, c.config);
  };
  const all = () => graph.layers.map((l) => l.name);

  it('are the layers with Trace: true (by name or type), or every layer when none is selected', () => {
    expect(withYaml('  LayerName: { fc1: { Trace: true }, softmax: { Trace: true } }\n')).toEqual(['fc1', 'softmax']);
    expect(withYaml('  LayerType: { Dense: { Trace: true } }\n  LayerName: { fc2: { Trace: false } }\n')).toEqual(['fc1', 'fc3', 'fc4']);
    expect(withYaml('  Model: { TraceOutput: true }\n  LayerName: { relu1: { Trace: false } }\n')).toEqual(all().filter((n) => n !== 'relu1'));
    // hls4ml's config generator writes Trace: false on every layer: --trace then writes them all
    expect(withYaml('  Model: { TraceOutput: false }\n  LayerName: { fc1: { Trace: false }, fc2: { Trace: false } }\n')).toEqual(all());
  });

  it('are what predict --trace writes', () => {
    writeFileSync(join(dir, 'sel2.yml'), `OnnxModel: ${join(EXAMPLE, 'jet_tagger.onnx')}\nHLSConfig: { LayerName: { fc2: { Trace: true }, relu2: { Trace: true } } }\n`);
    const r = run(['predict', '-c', 'sel2.yml', '-i', 'in.dat', '--trace', '--json']);
    expect((JSON.parse(r.stdout).trace as TraceDoc).layers.map((l) => l.name)).toEqual(['fc2', 'relu2']);
  });
});
