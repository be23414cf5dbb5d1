import { hasYosys as yosysPresent } from '../helpers/oracles.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRtlProject } from '../../src/backends/rtl/index.ts';
import { estimateRtl } from '../../src/estimate/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { compareResources, synthesize, YOSYS } from '../../src/synth/index.ts';
import { ChainBuilder, fx, projectConfig } from '../backends/hls/graph-builders.ts';
import { smallCnn } from '../rtlsim/conv-graphs.ts';

const hasYosys = yosysPresent(YOSYS);

const work = mkdtempSync(join(tmpdir(), 'hlsforge-calibration-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const small = (precision: string, reuseFactor: number): Graph => {
  const strategy = reuseFactor > 1 ? 'resource' : 'latency';
  return new ChainBuilder('calib', 6, fx(precision), 9).dense(6, { reuseFactor, strategy }).relu().dense(3, { reuseFactor, strategy }).build();
};

/** The estimate of LUT, FF and DSP is within ±20 % of what Yosys synthesizes (docs/estimation.md, "Calibration"). */
describe.skipIf(!hasYosys).concurrent('the RTL estimate against Yosys synth_xilinx -family xcup', () => {
  for (const [precision, rf] of [
    ['ap_fixed<8,3>', 1],
    ['ap_fixed<12,4>', 2],
  ] as const) {
    it(`is within ±20 % for LUT, FF and DSP on a 6→6→3 MLP at ${precision}, reuse factor ${rf}`, async () => {
      const g = small(precision, rf);
      const config = { ...projectConfig('calib', work), backend: 'RTL' as const };
      const dir = join(work, `${precision.replace(/\W+/g, '_')}rf${rf}`);
      writeRtlProject(g, config, dir, { inputs: new Float64Array(6), predictions: new Float64Array(3), batch: 1 });
      const synth = await synthesize(dir);
      const cmp = compareResources(estimateRtl(g, config).total, synth.resources);
      for (const m of cmp.filter((c) => ['lut', 'ff', 'dsp'].includes(c.metric))) {
        // shift-add constant multipliers may leave no DSP at all: then neither counts one
        if (m.estimate === 0) expect(m.yosys, `${m.metric}: the estimate has none`).toBe(0);
        else expect(Math.abs(m.errorPercent!), `${m.metric}: estimate ${m.estimate}, Yosys ${m.yosys}`).toBeLessThanOrEqual(20);
      }
    }, 300_000);
  }

  it('is within ±20 % for LUT, FF and DSP on a small CNN (conv 3×3, relu, max pool, dense) at ap_fixed<8,3>', async () => {
    const g = smallCnn('ap_fixed<8,3>');
    const config = { ...projectConfig('calib', work), backend: 'RTL' as const };
    const dir = join(work, 'small_cnn');
    writeRtlProject(g, config, dir, { inputs: new Float64Array(36), predictions: new Float64Array(3), batch: 1 });
    const synth = await synthesize(dir);
    const cmp = compareResources(estimateRtl(g, config).total, synth.resources);
    for (const m of cmp.filter((c) => ['lut', 'ff', 'dsp'].includes(c.metric))) {
      // shift-add constant multipliers may leave no DSP at all: then neither counts one
      if (m.estimate === 0) expect(m.yosys, `${m.metric}: the estimate has none`).toBe(0);
      else expect(Math.abs(m.errorPercent!), `${m.metric}: estimate ${m.estimate}, Yosys ${m.yosys}`).toBeLessThanOrEqual(20);
    }
  }, 600_000);
});
