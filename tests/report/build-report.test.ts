import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, testVectors } from '../../src/pipeline.ts';
import { emulate } from '../../src/emulator/index.ts';
import { estimateHls } from '../../src/estimate/hls/estimate-hls.ts';
import { formatFixedType } from '../../src/fixed/index.ts';
import { sizeOf } from '../../src/ir/graph.ts';
import { buildReport, type ReportData } from '../../src/report/build-report.ts';
import { referenceComparer } from '../../src/report/reference.ts';
import { REPORT_MAX_VALUES, reportSamples } from '../../src/report/limits.ts';
import { tempDirForFile } from '../helpers/temp.ts';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/jet_tagger');
const SAMPLES = 64;

// narrow types, so that layers overflow and round visibly
const { config, graph } = compile({ model: join(EXAMPLE, 'jet_tagger.onnx'), configFile: join(EXAMPLE, 'config.yml'), overrides: { precision: 'ap_fixed<8,3>' } });
const vectors = testVectors(graph, config, { samples: SAMPLES, seed: 7 });
const fixed = emulate(graph, vectors.data, vectors.batch, { trace: true });
const float = emulate(graph, vectors.data, vectors.batch, { mode: 'float', trace: true });
let report: ReportData;
const dir = tempDirForFile('report-build');

beforeAll(async () => {
  // the reference is the float outputs themselves: float vs reference is 0, fixed vs reference is fixed vs float
  writeFileSync(join(dir, 'ref.dat'), Array.from({ length: SAMPLES }, (_, s) => Array.from(float.output.subarray(s * 5, s * 5 + 5)).join(' ')).join('\n') + '\n');
  report = await buildReport(graph, config, vectors, { inputs: 'random', reference: referenceComparer(join(dir, 'ref.dat'), SAMPLES, 5) });
});

describe('buildReport: what the report page shows, per layer', () => {
  it('carries every layer\'s overflow count from the bit-exact emulator', () => {
    expect(report.layers.map((l) => [l.name, l.overflows])).toEqual(graph.layers.map((l) => [l.name, fixed.overflows[l.name]]));
    expect(report.layers.some((l) => l.overflows > 0)).toBe(true);
  });

  it('measures each layer\'s error as the largest and mean |fixed − float| of its outputs', () => {
    for (const l of graph.layers) {
      const a = fixed.trace![l.name];
      const b = float.trace![l.name];
      let max = 0;
      let sum = 0;
      for (let i = 0; i < a.length; i++) (max = Math.max(max, Math.abs(a[i] - b[i]))), (sum += Math.abs(a[i] - b[i]));
      const r = report.layers.find((x) => x.name === l.name)!;
      expect(r.errorVsFloat.maxAbs).toBe(max);
      expect(r.errorVsFloat.meanAbs).toBeCloseTo(sum / a.length, 12);
    }
  });

  it('profiles the float activations against each layer\'s result type', () => {
    for (const l of graph.layers) {
      const r = report.layers.find((x) => x.name === l.name)!;
      const abs = Array.from(float.trace![l.name]).map(Math.abs).filter((v) => v > 0);
      expect(r.activation.count).toBe(SAMPLES * sizeOf(l.shape));
      expect(r.activation.box?.max).toBe(Math.max(...abs));
      expect(r.activation.box?.min).toBe(Math.min(...abs));
      expect(r.activation.type).toBe(formatFixedType(l.precision.result));
      expect(r.activation.extent).toEqual({ lsb: 2 ** -5, max: 4 });
    }
  });

  it('profiles each dense layer\'s weights and biases against its weight and bias types', () => {
    const dense = graph.layers.filter((l) => l.kind === 'dense');
    expect(dense.length).toBe(4);
    for (const l of dense) {
      if (l.kind !== 'dense') continue;
      const r = report.layers.find((x) => x.name === l.name)!;
      expect(r.weights.map((w) => [w.name, w.type, w.count])).toEqual([
        ['weights', formatFixedType(l.precision.weight!), l.weights.length],
        ['bias', formatFixedType(l.precision.bias!), l.bias.length],
      ]);
      expect(r.weights[0].box?.max).toBe(Math.max(...Array.from(l.weights, Math.abs)));
    }
    expect(report.layers.filter((l) => l.kind !== 'dense').every((l) => l.weights.length === 0)).toBe(true);
  });

  it('gives each layer the estimate of the configured (HLS) backend', () => {
    const e = estimateHls(graph, config);
    expect(report.estimate.backend).toBe('HLS');
    expect(report.estimate.total).toEqual(e.total);
    for (const le of e.layers) {
      const r = report.layers.find((x) => x.name === le.name)!;
      expect(r.estimate).toEqual({ lut: le.lut, ff: le.ff, dsp: le.dsp, bram: le.bram, latencyCycles: le.latencyCycles, ii: le.ii });
    }
  });

  it('compares the outputs with the reference outputs: float against itself is exact', () => {
    expect(report.output.reference?.float).toEqual({ maxAbs: 0, meanAbs: 0, argmaxAgreement: 1 });
    expect(report.output.reference?.fixed).toEqual(report.output.errorVsFloat);
    expect(report.samples).toBe(SAMPLES);
    expect(report.notes).toEqual([]);
  });
});

describe('reportSamples: how many samples the report profiles', () => {
  it('keeps every sample while all layer outputs fit in REPORT_MAX_VALUES, else the first that fit', () => {
    const perSample = graph.layers.reduce((a, l) => a + l.shape.reduce((x, y) => x * y, 1), 0);
    expect(reportSamples(graph, 10)).toBe(10);
    expect(reportSamples(graph, 1_000_000)).toBe(Math.floor(REPORT_MAX_VALUES / perSample));
    expect(reportSamples(graph, 1_000_000) * perSample).toBeLessThanOrEqual(REPORT_MAX_VALUES);
  });
});
