/**
 * An independent float evaluation of Keras convolution-family layers, written from Keras's documentation with plain
 * loops (not src/ir/window.ts): tensors are channels-last [h, w, c] (a 1-D [steps, c] is h = 1); 'same' pads
 * max((⌈S/s⌉ − 1)·s + d·(k − 1) + 1 − S, 0) split with the smaller half first, 'causal' pads d·(k − 1) before.
 */
export interface T {
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly data: number[];
}
export type Padding = 'valid' | 'same' | 'causal';
export interface Geometry {
  readonly k: [number, number];
  readonly s?: [number, number];
  readonly d?: [number, number];
  readonly padding?: Padding;
}

export const tensorOf = (shape: readonly number[], data: ArrayLike<number>): T =>
  shape.length === 2 ? { h: 1, w: shape[0], c: shape[1], data: Array.from(data) } : { h: shape[0], w: shape[1], c: shape[2], data: Array.from(data) };

const at = (x: T, i: number, j: number, c: number) => x.data[(i * x.w + j) * x.c + c];

/** out extent and the pad before, along one axis */
function axis(size: number, k: number, s: number, d: number, padding: Padding): [out: number, before: number] {
  if (padding === 'valid') return [Math.floor((size - d * (k - 1) - 1) / s) + 1, 0];
  if (padding === 'causal') return [Math.floor((size - 1) / s) + 1, d * (k - 1)];
  const out = Math.ceil(size / s);
  return [out, Math.floor(Math.max((out - 1) * s + d * (k - 1) + 1 - size, 0) / 2)];
}

/** For each output position and channel group, the input positions the window covers (inside the input only). */
function windows(x: T, g: Geometry): { oh: number; ow: number; taps: (oi: number, oj: number) => [ki: number, kj: number, i: number, j: number][] } {
  const [s, d, p] = [g.s ?? [1, 1], g.d ?? [1, 1], g.padding ?? 'valid'];
  const [oh, bh] = axis(x.h, g.k[0], s[0], d[0], x.h === 1 && g.k[0] === 1 ? 'valid' : p);
  const [ow, bw] = axis(x.w, g.k[1], s[1], d[1], p);
  const taps = (oi: number, oj: number) => {
    const out: [number, number, number, number][] = [];
    for (let ki = 0; ki < g.k[0]; ki++)
      for (let kj = 0; kj < g.k[1]; kj++) {
        const i = oi * s[0] + ki * d[0] - bh;
        const j = oj * s[1] + kj * d[1] - bw;
        if (i >= 0 && i < x.h && j >= 0 && j < x.w) out.push([ki, kj, i, j]);
      }
    return out;
  };
  return { oh, ow, taps };
}

/** Conv: y[o, f] = b_f + Σ x[i, j, c] · K[ki][kj][c][f] */
export function conv(x: T, g: Geometry, kernel: readonly number[], bias: readonly number[]): T {
  const f = bias.length;
  const { oh, ow, taps } = windows(x, g);
  const data: number[] = [];
  for (let oi = 0; oi < oh; oi++)
    for (let oj = 0; oj < ow; oj++)
      for (let o = 0; o < f; o++) {
        let sum = bias[o];
        for (const [ki, kj, i, j] of taps(oi, oj)) for (let c = 0; c < x.c; c++) sum += at(x, i, j, c) * kernel[((ki * g.k[1] + kj) * x.c + c) * f + o];
        data.push(sum);
      }
  return { h: oh, w: ow, c: f, data };
}

/** Depthwise: y[o, c·m + q] = b + Σ x[i, j, c] · K[ki][kj][c][q] */
export function depthwise(x: T, g: Geometry, m: number, kernel: readonly number[], bias: readonly number[]): T {
  const { oh, ow, taps } = windows(x, g);
  const data: number[] = [];
  for (let oi = 0; oi < oh; oi++)
    for (let oj = 0; oj < ow; oj++)
      for (let c = 0; c < x.c; c++)
        for (let q = 0; q < m; q++) {
          let sum = bias[c * m + q] ?? 0;
          for (const [ki, kj, i, j] of taps(oi, oj)) sum += at(x, i, j, c) * kernel[((ki * g.k[1] + kj) * x.c + c) * m + q];
          data.push(sum);
        }
  return { h: oh, w: ow, c: x.c * m, data };
}

/** Max or average (over the taps inside the input, as Keras's 'same') per channel. */
export function pool(x: T, g: Geometry, op: 'max' | 'average'): T {
  const { oh, ow, taps } = windows(x, { ...g, s: g.s ?? g.k });
  const data: number[] = [];
  for (let oi = 0; oi < oh; oi++)
    for (let oj = 0; oj < ow; oj++)
      for (let c = 0; c < x.c; c++) {
        const v = taps(oi, oj).map(([, , i, j]) => at(x, i, j, c));
        data.push(op === 'max' ? Math.max(...v) : v.reduce((a, b) => a + b, 0) / v.length);
      }
  return { h: oh, w: ow, c: x.c, data };
}

export const globalPool = (x: T, op: 'max' | 'average'): T => pool(x, { k: [x.h, x.w] }, op);

/** Zero padding [[top, bottom], [left, right]] */
export function zeroPad(x: T, [[t, b], [l, r]]: [[number, number], [number, number]]): T {
  const h = x.h + t + b;
  const w = x.w + l + r;
  const data: number[] = [];
  for (let i = 0; i < h; i++)
    for (let j = 0; j < w; j++)
      for (let c = 0; c < x.c; c++) data.push(i < t || i >= t + x.h || j < l || j >= l + x.w ? 0 : at(x, i - t, j - l, c));
  return { h, w, c: x.c, data };
}

export function crop(x: T, [[t, b], [l, r]]: [[number, number], [number, number]]): T {
  const data: number[] = [];
  for (let i = t; i < x.h - b; i++) for (let j = l; j < x.w - r; j++) for (let c = 0; c < x.c; c++) data.push(at(x, i, j, c));
  return { h: x.h - t - b, w: x.w - l - r, c: x.c, data };
}

/** Nearest upsampling: y[i, j] = x[⌊i/fh⌋, ⌊j/fw⌋] */
export function upsample(x: T, [fh, fw]: [number, number]): T {
  const data: number[] = [];
  for (let i = 0; i < x.h * fh; i++) for (let j = 0; j < x.w * fw; j++) for (let c = 0; c < x.c; c++) data.push(at(x, Math.floor(i / fh), Math.floor(j / fw), c));
  return { h: x.h * fh, w: x.w * fw, c: x.c, data };
}

export const map = (x: T, f: (v: number) => number): T => ({ ...x, data: x.data.map(f) });
