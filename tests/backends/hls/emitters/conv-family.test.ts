import { describe, expect, it } from 'vitest';
import { buildProjectView } from '../../../../src/backends/hls/build-view.ts';
import { checkHlsIoParallel, IO_PARALLEL_MAX_MULTIPLICATIONS } from '../../../../src/backends/hls/emitters/parallel-limit.ts';
import { poolReciprocal } from '../../../../src/backends/hls/emitters/pool-reciprocal.ts';
import { nearestIndex } from '../../../../src/backends/hls/emitters/spatial-move.ts';
import type { Graph } from '../../../../src/ir/graph.ts';
import type { Layer } from '../../../../src/ir/layers.ts';
import { windowIndex } from '../../../../src/ir/window.ts';
import { thrown } from '../../../helpers/thrown.ts';
import { projectConfig } from '../graph-builders.ts';
import { reciprocal } from '../window-reference.ts';
import { convSpec, depthwiseSpec, poolSpec, windowGraph, type Spec } from '../window-graphs.ts';

const viewOf = (g: Graph) => buildProjectView(g, projectConfig('myproject', '/tmp/unused'), 'test');
const tableOf = (rows: readonly string[]): number[] => rows.flatMap((r) => r.split(', ').map(Number));

describe('HLS emitters of the convolution family', () => {
  it('emits the im2col table of src/ir/window.ts and names the model layer above the call', () => {
    const x: Spec = { kind: 'input', name: 'x', shape: [5, 4, 2] };
    const conv = convSpec('edge detector', 'x', [5, 4, 2], 3, { kernel: [3, 2], strides: [2, 1], dilations: [1, 2], padBegin: [1, 1], padEnd: [1, 0], seed: 1 });
    const view = viewOf(windowGraph([x, conv], ['edge detector']));
    const layer = view.layers[0];
    expect(layer.comment).toContain("'edge detector' (conv)");
    expect(layer.calls[0].kernel).toBe('nnet::conv_2d_cl<input_t, layer2_t, config2>');
    const index = view.arrays.find((a) => a.name === 'conv_index2')!;
    expect(index.comment).toContain("'edge detector'");
    const l = conv as unknown as Layer & { kind: 'conv' };
    expect(tableOf(index.rows)).toEqual([...windowIndex([5, 4], l)]);
    const constants = Object.fromEntries(layer.config.constants.map((c) => [c.name, c.value]));
    expect(constants).toMatchObject({ n_in: '40', n_chan: '2', n_filt: '3', n_taps: '6', n_positions: String(3 * 3), reuse_factor: '1' });
  });

  it('gives pooling the reciprocal 1/n rounded to nearest with 18 + ceil(log2 n) fraction bits for every n', () => {
    for (let n = 1; n <= 5000; n++) {
      const r = reciprocal(n);
      expect(poolReciprocal(n), `n = ${n}`).toBe(Number(r.m) / 2 ** r.frac);
    }
    for (let k = 0; k < 12; k++) expect(poolReciprocal(2 ** k)).toBe(2 ** -k);
  });

  it('counts padding taps in an average only when the layer says so', () => {
    const x: Spec = { kind: 'input', name: 'x', shape: [3, 3, 1] };
    const pool = (countPad: boolean) => poolSpec('avg', 'x', [3, 3, 1], 'average', { kernel: [3, 3], padBegin: [1, 1], padEnd: [1, 1], countPad });
    const scales = (countPad: boolean) => tableOf(viewOf(windowGraph([x, pool(countPad)], ['avg'])).arrays.find((a) => a.name === 'pool_scale2')!.rows);
    // corners read 4 input taps, edges 6, the centre 9
    expect(scales(false)).toEqual([4, 6, 4, 6, 9, 6, 4, 6, 4].map(poolReciprocal));
    expect(scales(true)).toEqual(new Array(9).fill(poolReciprocal(9)));
  });

  it('upsamples by copying input position ⌊o / factor⌋ on every axis', () => {
    expect([...nearestIndex([2, 3], [2, 1])]).toEqual([0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5]);
    expect([...nearestIndex([3], [3])]).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it('refuses an io_parallel convolution that unrolls more than 4096 multiplications per cycle, with the estimate and the way out', () => {
    // 26 × 26 positions × 9 taps × 1 channel × 16 filters = 97344 products
    const x: Spec = { kind: 'input', name: 'image', shape: [28, 28, 1] };
    const conv = (reuseFactor: number) => convSpec('conv1', 'image', [28, 28, 1], 16, { kernel: [3, 3], seed: 2, reuseFactor });
    const e = thrown(() => viewOf(windowGraph([x, conv(1)], ['conv1'])));
    expect(e.code).toBe('too-large-for-io-parallel');
    expect(e.message).toMatch(
      /^layer 'conv1' \(conv\): too large to unroll with IOType io_parallel: multiplications per cycle must be at most 4096, not 97344 \(97344 products at ReuseFactor 1; HLS estimate: \d+ DSP, \d+ LUT, \d+ FF\); supported: IOType: io_stream, or ReuseFactor 24 or more$/,
    );
    expect(IO_PARALLEL_MAX_MULTIPLICATIONS).toBe(4096);
    // ⌈97344 / 23⌉ = 4233 is refused, ⌈97344 / 24⌉ = 4056 fits
    expect(thrown(() => viewOf(windowGraph([x, conv(23)], ['conv1']))).message).toContain('not 4233 (97344 products at ReuseFactor 23');
    expect(viewOf(windowGraph([x, conv(24)], ['conv1'])).pipelineII).toBe(24);
  });

  it('counts only the taps that read the input against the bound, for depthwise layers too', () => {
    // 64 × 64 positions, 3 × 3 taps with 'same' padding: per axis 64 · 3 − 2 = 190 taps read the input, 190² = 36100
    const x: Spec = { kind: 'input', name: 'x', shape: [64, 64, 1] };
    const dw = depthwiseSpec('dw', 'x', [64, 64, 1], 1, { kernel: [3, 3], padBegin: [1, 1], padEnd: [1, 1], seed: 3 });
    expect(thrown(() => viewOf(windowGraph([x, dw], ['dw']))).message).toContain('not 36100 (36100 products at ReuseFactor 1');
  });

  it('checks a whole graph before emulation only for the HLS backend in io_parallel', () => {
    const x: Spec = { kind: 'input', name: 'image', shape: [28, 28, 1] };
    const g = windowGraph([x, { kind: 'relu', name: 'r', from: ['image'], shape: [28, 28, 1] } as Spec, convSpec('conv1', 'r', [28, 28, 1], 16, { kernel: [3, 3], seed: 2 })], ['conv1']);
    expect(thrown(() => checkHlsIoParallel(g, { backend: 'Vitis', ioType: 'io_parallel' })).message).toContain("layer 'conv1' (conv): too large to unroll");
    expect(() => checkHlsIoParallel(g, { backend: 'Vitis', ioType: 'io_stream' })).not.toThrow();
    expect(() => checkHlsIoParallel(g, { backend: 'RTL', ioType: 'io_parallel' })).not.toThrow();
  });
});
