import { describe, expect, it } from 'vitest';
import { samePadding, validTaps, windowIndex, windowOutputSpatial } from '../../src/ir/window.ts';
import type { Window } from '../../src/ir/layers.ts';

describe('samePadding', () => {
  // Keras (TensorFlow 'SAME'): out = ⌈S/s⌉, pad_total = max((out−1)·s + (k−1)·d + 1 − S, 0), pad_before = ⌊total/2⌋.
  // ONNX auto_pad SAME_UPPER: the same total, the extra pad at the end; SAME_LOWER: at the beginning.
  const tfTotal = (S: number, k: number, s: number, d: number) => Math.max((Math.ceil(S / s) - 1) * s + (k - 1) * d + 1 - S, 0);
  it('equals the Keras/ONNX SAME_UPPER and SAME_LOWER formulas for every small size, kernel, stride and dilation', () => {
    for (let S = 1; S <= 12; S++)
      for (let k = 1; k <= 5; k++)
        for (let s = 1; s <= 4; s++)
          for (let d = 1; d <= 3; d++) {
            const total = tfTotal(S, k, s, d);
            expect(samePadding(S, k, s, d)).toEqual([Math.floor(total / 2), total - Math.floor(total / 2)]);
            expect(samePadding(S, k, s, d, true)).toEqual([total - Math.floor(total / 2), Math.floor(total / 2)]);
            // and the window then has exactly ⌈S/s⌉ outputs
            const [b, e] = samePadding(S, k, s, d);
            expect(windowOutputSpatial([S], { kernel: [k], strides: [s], dilations: [d], padBegin: [b], padEnd: [e] })).toEqual([Math.ceil(S / s)]);
          }
  });
});

describe('windowIndex', () => {
  /** the gather by direct coordinate loops over 2-D outputs and kernels */
  function direct(inSpatial: [number, number], w: Window): number[] {
    const [H, W] = inSpatial;
    const out = windowOutputSpatial(inSpatial, w);
    const index: number[] = [];
    for (let oy = 0; oy < out[0]; oy++)
      for (let ox = 0; ox < out[1]; ox++)
        for (let ky = 0; ky < w.kernel[0]; ky++)
          for (let kx = 0; kx < w.kernel[1]; kx++) {
            const y = oy * w.strides[0] + ky * w.dilations[0] - w.padBegin[0];
            const x = ox * w.strides[1] + kx * w.dilations[1] - w.padBegin[1];
            index.push(y < 0 || y >= H || x < 0 || x >= W ? -1 : y * W + x);
          }
    return index;
  }

  it('equals a direct loop over output and kernel coordinates for strided, dilated and padded 2-D windows', () => {
    for (const w of [
      { kernel: [3, 3], strides: [1, 1], dilations: [1, 1], padBegin: [0, 0], padEnd: [0, 0] },
      { kernel: [3, 2], strides: [2, 1], dilations: [1, 2], padBegin: [1, 0], padEnd: [2, 1] },
      { kernel: [2, 4], strides: [3, 2], dilations: [2, 1], padBegin: [0, 3], padEnd: [1, 0] },
      { kernel: [1, 1], strides: [2, 2], dilations: [1, 1], padBegin: [0, 0], padEnd: [0, 0] },
    ])
      for (const inSpatial of [[7, 6], [5, 9]] as [number, number][]) expect(Array.from(windowIndex(inSpatial, w))).toEqual(direct(inSpatial, w));
  });

  it('reads a 1-D window as a 2-D one of height 1', () => {
    const w1 = { kernel: [3], strides: [2], dilations: [2], padBegin: [2], padEnd: [1] };
    const w2 = { kernel: [1, 3], strides: [1, 2], dilations: [1, 2], padBegin: [0, 2], padEnd: [0, 1] };
    expect(Array.from(windowIndex([10], w1))).toEqual(direct([1, 10], w2));
  });

  it('counts the taps that read the input per output position', () => {
    const w = { kernel: [3], strides: [1], dilations: [1], padBegin: [1], padEnd: [1] };
    expect(Array.from(validTaps(windowIndex([4], w), 3))).toEqual([2, 3, 3, 2]);
  });
});
