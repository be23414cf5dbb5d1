import { describe, expect, it } from 'vitest';
import { planRtl } from '../../../src/backends/rtl/index.ts';
import { estimateRtl } from '../../../src/estimate/rtl/estimate-rtl.ts';
import type { LstmLayer } from '../../../src/ir/layers.ts';
import { configFor } from '../../rtlsim/rtl-harness.ts';
import { recurrent, recurrentGraph } from '../../rtlsim/recurrent-graphs.ts';

const config = configFor();
const [T, N_IN, U] = [5, 3, 4];

/** An LSTM alone (sigmoid and tanh: no multiply inside the activations). */
const lstmGraph = (reuseFactor: number) => {
  const l = recurrent('lstm', 'lstm', 9, { steps: T, nIn: N_IN, units: U, reuseFactor, returnSequences: true });
  return recurrentGraph(`lstm_rf${reuseFactor}`, [l], ['lstm'], { shape: [T, N_IN], type: 'ap_fixed<16,6>' });
};

/**
 * Multipliers of the LSTM datapath, from its documented architecture (docs/rtl.md, "Recurrent layers"): `lanes` lanes,
 * lane s computing unit q·lanes + s in group q; per gate column one multiplier per input element whose weight is
 * non-zero for some unit of the lane, and three products of the cell update (f·c, i·g, o·φ(c)) per lane.
 */
function expectedMultipliers(l: LstmLayer, lanes: number): number {
  const groups = Math.ceil(U / lanes);
  let n = 0;
  for (let s = 0; s < lanes; s++) {
    const units = Array.from({ length: groups }, (_, q) => q * lanes + s).filter((j) => j < U);
    for (let g = 0; g < 4; g++) {
      const col = (j: number) => g * U + j;
      for (let i = 0; i < N_IN; i++) if (units.some((j) => l.kernel[i * 4 * U + col(j)] !== 0)) n++;
      for (let k = 0; k < U; k++) if (units.some((j) => l.recurrentKernel[k * 4 * U + col(j)] !== 0)) n++;
    }
    n += 3;
  }
  return n;
}

describe('estimateRtl on recurrent layers', () => {
  for (const [rf, lanes] of [[1, 4], [2, 2], [4, 1], [8, 1]] as const)
    it(`counts ${lanes} lane(s) of shared multipliers and reports the planned timing of an LSTM at ReuseFactor ${rf}`, () => {
      const g = lstmGraph(rf);
      const plan = planRtl(g, config);
      const e = estimateRtl(g, config);
      expect([e.latencyCycles, e.ii]).toEqual([plan.latencyCycles, plan.ii]);
      const row = e.layers.find((r) => r.name === 'lstm')!;
      const { dsp, lut, free } = row.multipliers;
      expect(dsp + lut + free).toBe(expectedMultipliers(g.layers[1] as LstmLayer, lanes));
      // a step every groups + pipeline depth cycles, T steps per sample
      const groups = Math.ceil(U / lanes);
      expect(row.ii % T).toBe(0);
      expect(row.ii / T).toBeGreaterThan(groups);
      expect(row.latencyCycles).toBe(row.ii + 1);
    });

  it('grows the II with the reuse factor and shrinks the multipliers', () => {
    const [one, four] = [estimateRtl(lstmGraph(1), config), estimateRtl(lstmGraph(4), config)];
    const m = (e: typeof one) => e.layers.find((r) => r.name === 'lstm')!.multipliers;
    // three more groups issued per step; the pipeline may be deeper by the weight multiplexers of the shared multipliers
    expect(four.ii - one.ii).toBeGreaterThanOrEqual(T * 3);
    expect(m(four).dsp + m(four).lut + m(four).free).toBeLessThan((m(one).dsp + m(one).lut + m(one).free) / 2);
  });
});
