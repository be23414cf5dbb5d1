import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomInputs } from '../../src/data/random-inputs.ts';
import { compareToFloat } from '../../src/emulator/compare.ts';
import { emulate } from '../../src/emulator/index.ts';
import { estimate } from '../../src/estimate/index.ts';
import { compile } from '../../src/pipeline.ts';
import { paretoFront } from '../../src/sweep/pareto.ts';
import { objectives, runSweep, type SweepResult } from '../../src/sweep/sweep.ts';
import { tinyOnnxModel } from '../estimate/tiny-model.ts';

const tiny = tinyOnnxModel();
afterAll(() => rmSync(tiny.dir, { recursive: true, force: true }));
const x = randomInputs(300, 4, 2);

describe('sweep', () => {
  let r: SweepResult;
  beforeAll(async () => {
    r = await runSweep({ model: tiny.model, widths: [6, 8, 12], reuseFactors: [1, 2], inputs: x.data, batch: x.batch });
  });

  it('evaluates every precision × reuse factor point with the emulator and the estimator', () => {
    expect(r.points.map((p) => [p.precision, p.reuseFactor])).toEqual([
      [`ap_fixed<6,${r.integerBits}>`, 1],
      [`ap_fixed<6,${r.integerBits}>`, 2],
      [`ap_fixed<8,${r.integerBits}>`, 1],
      [`ap_fixed<8,${r.integerBits}>`, 2],
      [`ap_fixed<12,${r.integerBits}>`, 1],
      [`ap_fixed<12,${r.integerBits}>`, 2],
    ]);
    for (const p of r.points) {
      const c = compile({ model: tiny.model, overrides: { precision: p.precision, reuseFactor: p.reuseFactor, strategy: p.reuseFactor > 1 ? 'resource' : 'latency' } });
      const err = compareToFloat(emulate(c.graph, x.data, x.batch).output, emulate(c.graph, x.data, x.batch, { mode: 'float' }).output, 3);
      const e = estimate(c.graph, c.config).rtl!;
      expect([p.maxAbsError, p.meanAbsError, p.lut, p.dsp, p.latencyCycles, p.ii]).toEqual([err.maxAbs, err.meanAbs, e.total.lut, e.total.dsp, e.latencyCycles, e.ii]);
    }
  });

  it('marks the Pareto front by the dominance definition', () => {
    const pts = r.points.map(objectives);
    const brute = pts.map((p, i) => !pts.some((q, j) => j !== i && q.every((v, k) => v <= p[k]) && q.some((v, k) => v < p[k])));
    expect(r.points.map((p) => p.pareto)).toEqual(brute);
    expect(paretoFront(pts).length).toBeGreaterThan(0);
  });

  it('takes the integer bits from the float ranges, or from the option', async () => {
    expect(r.integerBits).toBeGreaterThanOrEqual(1);
    const fixed = await runSweep({ model: tiny.model, widths: [8], reuseFactors: [1], integerBits: 3, inputs: x.data, batch: x.batch });
    expect(fixed.points.map((p) => p.precision)).toEqual(['ap_fixed<8,3>']);
  });

  it('reports accuracy against labels', async () => {
    const labels = Int32Array.from({ length: x.batch }, (_, i) => i % 3);
    const s = await runSweep({ model: tiny.model, widths: [8], reuseFactors: [1], inputs: x.data, batch: x.batch, labels });
    const c = compile({ model: tiny.model, overrides: { precision: s.points[0].precision } });
    const out = emulate(c.graph, x.data, x.batch).output;
    let right = 0;
    for (let i = 0; i < x.batch; i++) {
      const row = Array.from(out.subarray(i * 3, i * 3 + 3));
      if (row.indexOf(Math.max(...row)) === labels[i]) right++;
    }
    expect(s.points[0].accuracy).toBe(right / x.batch);
  });
});
