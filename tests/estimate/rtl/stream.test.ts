import { describe, expect, it } from 'vitest';
import { buildStreamDesign } from '../../../src/backends/rtl/stream/design.ts';
import { estimateRtl } from '../../../src/estimate/rtl/estimate-rtl.ts';
import { STREAM_TOP_ROW } from '../../../src/estimate/rtl/estimate-rtl-stream.ts';
import { moduleCost } from '../../../src/estimate/rtl/module-cost.ts';
import { addResources, NO_RESOURCES } from '../../../src/estimate/types.ts';
import { smallCnn } from '../../rtlsim/conv-graphs.ts';
import { configFor } from '../../rtlsim/rtl-harness.ts';

/**
 * `estimate` of an io_stream RTL design (issue 10): counted on the stream netlist, not on the io_parallel one, with the
 * planned latency and II that `rtl-sim` measures (tests/rtlsim/stream-timing.test.ts checks the plan against Verilator).
 */
describe('the RTL estimate of an io_stream design', () => {
  const graph = smallCnn('ap_fixed<8,3>', 1);
  const config = { ...configFor(), ioType: 'io_stream' as const, projectName: 'est' };

  it('has one row per stage module, named after its layer, and the top with its FIFOs, adding up to the total', () => {
    const e = estimateRtl(graph, config);
    const d = buildStreamDesign(graph, config);
    expect(e.layers.length).toBe(d.stages.length + 1);
    expect(e.layers.at(-1)!.name).toBe(STREAM_TOP_ROW);
    for (const [i, p] of d.stages.entries()) {
      expect(e.layers[i].name.startsWith(p.layer.name)).toBe(true);
      const { multipliers: _m, ...cost } = moduleCost(p.stage.module);
      expect({ lut: e.layers[i].lut, ff: e.layers[i].ff, dsp: e.layers[i].dsp, carry: e.layers[i].carry, bram: e.layers[i].bram }).toEqual(cost);
    }
    expect(e.total).toEqual(e.layers.reduce<typeof NO_RESOURCES>((t, l) => addResources(t, l), NO_RESOURCES));
    expect([e.latencyCycles, e.ii]).toEqual([d.latencyCycles, d.ii]);
  });

  it('differs from the io_parallel estimate of the same graph: one pixel per transfer costs less and takes longer', () => {
    const stream = estimateRtl(graph, config);
    const parallel = estimateRtl(graph, { ...config, ioType: 'io_parallel' });
    expect(stream.total.lut).toBeLessThan(parallel.total.lut);
    expect(stream.ii).toBeGreaterThan(parallel.ii);
  });
});
