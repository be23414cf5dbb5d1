import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVectors } from '../../src/data/vectors.ts';
import { hlsforge } from '../helpers/cli.ts';
import { runOrt } from '../frontends/onnx/ort-oracle.ts';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/jet_tagger');
const SAMPLES = 50;
const WIDTH = 5;

let dir: string;
let reference: number[][];

/** The statistics the report must hold, computed here from scratch. */
function stats(outputs: number[][], ref: number[][]) {
  let max = 0;
  let sum = 0;
  let agree = 0;
  const argmax = (r: number[]) => r.indexOf(Math.max(...r));
  outputs.forEach((row, s) => {
    row.forEach((x, k) => {
      const d = Math.abs(x - ref[s][k]);
      max = Math.max(max, d);
      sum += d;
    });
    if (argmax(row) === argmax(ref[s])) agree++;
  });
  return { maxAbs: max, meanAbs: sum / (outputs.length * WIDTH), argmaxAgreement: agree / outputs.length };
}

function expectStats(actual: { maxAbs: number; meanAbs: number; argmaxAgreement?: number }, expected: ReturnType<typeof stats>) {
  expect(actual.maxAbs).toBe(expected.maxAbs);
  expect(actual.meanAbs).toBeCloseTo(expected.meanAbs, 14);
  expect(actual.argmaxAgreement).toBe(expected.argmaxAgreement);
}

function run(args: string[]) {
  const r = hlsforge(args, { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  return r;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hlsforge-ref-'));
  const lines = readFileSync(join(EXAMPLE, 'inputs.dat'), 'utf8').trim().split('\n').slice(0, SAMPLES);
  writeFileSync(join(dir, 'in.dat'), lines.join('\n') + '\n');
  // the reference outputs come from ONNX Runtime (float32), an implementation independent of hlsforge
  const samples = lines.map((l) => Float32Array.from(l.trim().split(/\s+/).map(Number)));
  reference = (await runOrt(join(EXAMPLE, 'jet_tagger.onnx'), samples, [16])).map((o) => Array.from(o));
  writeFileSync(join(dir, 'ref.dat'), reference.map((r) => r.join(' ')).join('\n') + '\n');
  writeFileSync(join(dir, 'c.yml'), `OnnxModel: ${join(EXAMPLE, 'jet_tagger.onnx')}\nInputData: in.dat\nOutputPredictions: ref.dat\nOutputDir: prj\nHLSConfig: { Model: { Precision: 'ap_fixed<10,4>' } }\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OutputPredictions: outputs compared against stored reference outputs', () => {
  it('reports max |Δ|, mean |Δ| and argmax agreement of the float and the fixed-point outputs in predict', () => {
    const fixed = JSON.parse(run(['predict', '-c', 'c.yml', '--json']).stdout);
    const float = JSON.parse(run(['predict', '-c', 'c.yml', '--float', '--json']).stdout);
    expect(fixed.reference.file).toBe(join(dir, 'ref.dat'));
    expect(fixed.reference.samples).toBe(SAMPLES);
    expectStats(fixed.reference.fixed, stats(fixed.predictions, reference));
    expectStats(fixed.reference.float, stats(float.predictions, reference));
    // float64 against ONNX Runtime's float32: equal to float32 precision; ap_fixed<10,4> is visibly coarser
    expect(fixed.reference.float.maxAbs).toBeLessThan(2e-6);
    expect(fixed.reference.fixed.maxAbs).toBeGreaterThan(1e-3);
  });

  it('sees a wrong reference value', () => {
    const shifted = reference.map((r, s) => (s === 7 ? [r[0] + 0.5, ...r.slice(1)] : r));
    writeFileSync(join(dir, 'shifted.dat'), shifted.map((r) => r.join(' ')).join('\n') + '\n');
    const out = JSON.parse(run(['predict', '-c', 'c.yml', '--float', '--reference', 'shifted.dat', '--json']).stdout);
    expectStats(out.reference.float, stats(out.predictions, shifted));
    expect(out.reference.float.maxAbs).toBeGreaterThan(0.49);
  });

  it('prints the comparison for people', () => {
    const r = run(['predict', '-c', 'c.yml', '-o', 'p.dat']);
    expect(r.stderr).toMatch(new RegExp(`vs reference ${join(dir, 'ref.dat')} \\(${SAMPLES} samples\\):\\n  float: max \\|Δ\\| [0-9.e-]+, mean \\|Δ\\| [0-9.e-]+, argmax agreement 100\\.00%\\n  fixed: max \\|Δ\\| `));
  });

  it('compares in convert too, on the test vectors from InputData', () => {
    const predicted = JSON.parse(run(['predict', '-c', 'c.yml', '--json']).stdout).reference;
    const converted = JSON.parse(run(['convert', '-c', 'c.yml', '--json']).stdout).reference;
    expect(converted).toEqual(predicted);
    expect(existsSync(join(dir, 'prj/hlsforge.json'))).toBe(true);
  });

  it('skips, with a warning, a reference that belongs to other inputs', () => {
    const r = run(['predict', '-c', 'c.yml', '-i', join(EXAMPLE, 'inputs.dat'), '--json']);
    expect(JSON.parse(r.stdout).reference).toBeUndefined();
    expect(r.stderr.trim()).toBe(
      `hlsforge: warning[reference-skipped]: ${join(dir, 'c.yml')}: key 'OutputPredictions': reference outputs not compared: it holds the outputs for InputData, not for ${join(EXAMPLE, 'inputs.dat')}; pass --reference to compare`,
    );
  });

  it('refuses a reference of the wrong shape with one clear line', () => {
    writeFileSync(join(dir, 'narrow.dat'), reference.map((r) => r.slice(1).join(' ')).join('\n') + '\n');
    writeFileSync(join(dir, 'short.dat'), reference.slice(1).map((r) => r.join(' ')).join('\n') + '\n');
    const cases: [string, string][] = [
      ['narrow.dat', "each reference sample must have 5 values (the model's output size), not 4"],
      ['short.dat', `the reference must hold ${SAMPLES} samples (one per input vector), not ${SAMPLES - 1}`],
    ];
    for (const [file, text] of cases) {
      const r = hlsforge(['predict', '-c', 'c.yml', '--reference', file], { cwd: dir });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(`hlsforge: error[input-shape]: ${join(dir, file)}: input vectors have the wrong size: ${text}`);
    }
    expect(readVectors(join(dir, 'ref.dat')).width).toBe(WIDTH);
  });
});
