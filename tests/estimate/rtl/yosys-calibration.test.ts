import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateRtl } from '../../../src/estimate/index.ts';
import { recordFile, YOSYS_DESIGNS, type YosysRecord } from './yosys-designs.ts';

/**
 * Issue 13's estimator acceptance: the RTL estimate of whole models (the jet tagger at 16/8/6 bits, RF 1 and 4, 70 %
 * pruned; a small CNN at RF 1 and 3, io_parallel and io_stream) within ±10 % on LUT, FF and DSP of what Yosys 0.23
 * synth_xilinx -family xcup -abc9 made of the same designs, as recorded in bench/yosys-jet-tagger.json and
 * bench/yosys-small-cnn.json by `node bin/run-ts.js bench/estimate.ts --synth` (re-run it when the generator changes).
 * A design without a record of today's netlists is not asserted; at least 8 must have one.
 */
type Counts = { lut: number; ff: number; dsp: number };
const records = Object.fromEntries(
  (['jet-tagger', 'small-cnn'] as const).map((r) => [r, JSON.parse(readFileSync(recordFile(r), 'utf8')).results as Record<string, Counts>]),
) as Record<YosysRecord, Record<string, Counts>>;
const recorded = YOSYS_DESIGNS.filter((d) => records[d.record][d.name]);

describe('the RTL estimate of whole models against recorded Yosys runs', () => {
  it('has Yosys records of at least 8 configurations, and none for a design it does not know', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(8);
    for (const r of ['jet-tagger', 'small-cnn'] as const)
      for (const name of Object.keys(records[r])) expect(YOSYS_DESIGNS.some((d) => d.record === r && d.name === name), `${r}: ${name}`).toBe(true);
  });

  for (const d of recorded) {
    it(`is within ±10 % for LUT, FF and DSP on ${d.record} ${d.name}`, () => {
      const y = records[d.record][d.name];
      const { graph, config } = d.build();
      const e = estimateRtl(graph, config).total;
      for (const m of ['lut', 'ff', 'dsp'] as const) {
        if (y[m] === 0) expect(e[m], `${m}: Yosys has none`).toBe(0);
        else expect(Math.abs(e[m] / y[m] - 1), `${m}: estimate ${e[m]}, Yosys ${y[m]}`).toBeLessThanOrEqual(0.1);
      }
    });
  }
});
