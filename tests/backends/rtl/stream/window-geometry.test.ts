import { describe, expect, it } from 'vitest';
import type { Window } from '../../../../src/ir/layers.ts';
import { windowIndex } from '../../../../src/ir/window.ts';
import { streamWindow } from '../../../../src/backends/rtl/stream/window-geometry.ts';
import { windowTimes } from '../../../../src/backends/rtl/stream/windowed.ts';

/**
 * An independent replay of the stream: push the padded image row-major (input positions, −1 for padding) into a
 * list, and read each offered window at the generator's offsets. It must be exactly the im2col gather of window.ts.
 */
function replay(inSpatial: number[], w: Window): number[] {
  const g = streamWindow(inSpatial, w);
  const [rows, cols] = inSpatial.length === 2 ? inSpatial : [1, inSpatial[0]];
  const pushed: number[] = [];
  const gathered: number[] = [];
  for (let r = 0; r < g.padded[0]; r++)
    for (let c = 0; c < g.padded[1]; c++) {
      const [ir, ic] = inSpatial.length === 2 ? [r - w.padBegin[0], c - w.padBegin[1]] : [0, c - w.padBegin[0]];
      pushed.push(g.rowInside[r] && g.colInside[c] && ir >= 0 && ir < rows && ic >= 0 && ic < cols ? ir * cols + ic : -1);
      if (g.emitRow[r] && g.emitCol[c]) for (const o of g.offsets) gathered.push(pushed[pushed.length - 1 - o]);
    }
  return gathered;
}

const W = (kernel: number[], strides: number[], dilations: number[], padBegin: number[], padEnd: number[]): Window => ({ kernel, strides, dilations, padBegin, padEnd });

describe('the stream window generator geometry', () => {
  const cases: [string, number[], Window][] = [
    ['a 3x3 window with padding 1 on a 5x6 image', [5, 6], W([3, 3], [1, 1], [1, 1], [1, 1], [1, 1])],
    ['a 2x2 window with stride 2 on a 7x5 image (odd leftovers dropped)', [7, 5], W([2, 2], [2, 2], [1, 1], [0, 0], [0, 0])],
    ['a 3x2 window with dilation (2,3), stride (2,1) and uneven padding', [9, 8], W([3, 2], [2, 1], [2, 3], [2, 0], [1, 3])],
    ['a 1-D window of 3 taps, stride 2, dilation 2, same padding', [16], W([3], [2], [2], [1], [2])],
    ['a 1x1 window (pad and crop use it)', [4, 3], W([1, 1], [1, 1], [1, 1], [0, 2], [1, 0])],
  ];
  for (const [name, spatial, w] of cases)
    it(`reads exactly the im2col gather of window.ts for ${name}`, () => {
      expect(replay(spatial, w)).toEqual(Array.from(windowIndex(spatial, w)));
    });

  it('plans a window one cycle after the push of its last tap, each position one cycle after the previous', () => {
    const g = streamWindow([3, 3], W([2, 2], [1, 1], [1, 1], [0, 0], [0, 0]));
    // input pixel i offered at cycle i: windows end at pixels 4, 5, 7, 8
    expect(windowTimes(g, [0, 1, 2, 3, 4, 5, 6, 7, 8], 1)).toEqual([5, 6, 8, 9]);
    // a consumer taking a window every 4 cycles (at 5, 9, 13, …) holds the walker: window 1 waits from 6 to 9, so
    // pixel 6 is pushed at 9, pixel 7 at 10 (window 2 offered at 11, taken at 13), pixel 8 at 13 (window 3 at 14)
    expect(windowTimes(g, [0, 1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([5, 6, 11, 14]);
  });
});
