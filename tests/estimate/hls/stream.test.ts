import { describe, expect, it } from 'vitest';
import { estimateHls } from '../../../src/estimate/hls/estimate-hls.ts';
import { transfersOf } from '../../../src/estimate/hls/stream.ts';
import { sizeOf } from '../../../src/ir/graph.ts';
import { smallCnn } from '../../rtlsim/conv-graphs.ts';
import { configFor } from '../../rtlsim/rtl-harness.ts';

/** The HLS model of an io_stream design (docs/estimation.md, "io_stream in the HLS model"). */
describe('the HLS estimate of an io_stream design', () => {
  for (const rf of [1, 3]) {
    const graph = smallCnn('ap_fixed<8,3>', rf);
    const config = { ...configFor(), projectName: 'est' };
    const stream = estimateHls(graph, { ...config, ioType: 'io_stream' });
    const parallel = estimateHls(graph, { ...config, ioType: 'io_parallel' });
    const byName = (e: typeof stream, n: string) => e.layers.find((l) => l.name === n)!;

    it(`computes one output pixel per ReuseFactor cycles in a window layer: image II = max(input pixels, output pixels · RF) (RF ${rf})`, () => {
      for (const layer of graph.layers.filter((l) => l.kind === 'conv' || l.kind === 'pool')) {
        const input = graph.layers.find((l) => l.name === layer.inputs[0])!;
        const r = layer.kind === 'conv' ? Math.max(1, layer.reuseFactor) : 1;
        expect(byName(stream, layer.name).ii).toBe(Math.max(transfersOf(input.shape), transfersOf(layer.shape) * r));
      }
      expect(stream.ii).toBe(Math.max(...stream.layers.map((l) => l.ii)));
    });

    it(`instantiates a convolution's kernel once: its products are the io_parallel ones over the output pixels (RF ${rf})`, () => {
      for (const layer of graph.layers.filter((l) => l.kind === 'conv')) {
        const pixels = sizeOf(layer.shape) / layer.shape[layer.shape.length - 1];
        expect(byName(stream, layer.name).dsp).toBe(Math.ceil(byName(parallel, layer.name).dsp / pixels));
        expect(byName(stream, layer.name).lut).toBeLessThan(byName(parallel, layer.name).lut);
      }
      expect(stream.latencyCycles).toBeGreaterThan(stream.ii);
    });
  }
});
