import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateRtl } from '../../../src/estimate/index.ts';
import { CMM_DESIGNS, cmmConfig } from './cmm-designs.ts';

/**
 * The RTL estimate of constant multipliers (shift-add and DSP, shared subexpressions, exactly wide adder trees) against
 * what Yosys 0.23 synth_xilinx -family xcup -abc9 made of the same designs (bench/yosys-cmm.json, recorded by
 * bench/yosys-cmm.ts; re-run it when the generator or the estimator changes): LUT, FF and DSP within ±10 %.
 */
const recorded = JSON.parse(readFileSync(new URL('../../../bench/yosys-cmm.json', import.meta.url), 'utf8')) as {
  results: Record<string, { lut: number; ff: number; dsp: number }>;
};

describe('the RTL estimate of constant matrix-vector products against recorded Yosys runs', () => {
  it('has a Yosys record for every calibration design', () => {
    expect(Object.keys(recorded.results).sort()).toEqual(CMM_DESIGNS.map((d) => d.name).sort());
  });

  for (const d of CMM_DESIGNS) {
    it(`is within ±10 % for LUT, FF and DSP on ${d.name}`, () => {
      const y = recorded.results[d.name];
      const e = estimateRtl(d.graph(), cmmConfig(d, '/nonexistent')).total;
      for (const m of ['lut', 'ff', 'dsp'] as const) {
        if (y[m] === 0) expect(e[m], `${m}: Yosys has none`).toBe(0);
        else expect(Math.abs(e[m] / y[m] - 1), `${m}: estimate ${e[m]}, Yosys ${y[m]}`).toBeLessThanOrEqual(0.1);
      }
    });
  }
});
