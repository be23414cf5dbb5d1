import type { Iterations } from './process.ts';

/** Zero padding: one output pixel per cycle; the pixels inside the image read the next input pixel. */
export function padIterations(inH: number, inW: number, top: number, left: number, outH: number, outW: number): Iterations {
  return function* () {
    for (let y = 0; y < outH; y++)
      for (let x = 0; x < outW; x++) {
        const inside = y >= top && y < top + inH && x >= left && x < left + inW;
        yield { reads: inside ? [0] : [], writes: 1, cycles: 1 };
      }
  };
}

/** Cropping: one input pixel per cycle, written when it is kept. */
export function cropIterations(inH: number, inW: number, cut: { top: number; bottom: number; left: number; right: number }): Iterations {
  return function* () {
    for (let y = 0; y < inH; y++)
      for (let x = 0; x < inW; x++) {
        const kept = y >= cut.top && y < inH - cut.bottom && x >= cut.left && x < inW - cut.right;
        yield { reads: [0], writes: kept ? 1 : 0, cycles: 1 };
      }
  };
}

/** Nearest upsampling: one output pixel per cycle; the first copy of each input pixel reads it. */
export function upsampleIterations(inH: number, inW: number, fy: number, fx: number): Iterations {
  return function* () {
    for (let y = 0; y < inH; y++)
      for (let r = 0; r < fy; r++)
        for (let x = 0; x < inW; x++) for (let k = 0; k < fx; k++) yield { reads: r === 0 && k === 0 ? [0] : [], writes: 1, cycles: 1 };
  };
}
