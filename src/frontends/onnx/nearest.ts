/**
 * Which input position ONNX Resize (mode nearest) reads for output position i of one axis (input extent n, output
 * extent m = n·s): the coordinate transformation, then the nearest_mode rounding, clamped to [0, n − 1]. The IR's
 * nearest upsampling reads ⌊i/s⌋; `nearestIsFloor` checks a Resize node does the same on every position.
 */
const TRANSFORMS: Readonly<Record<string, (i: number, s: number, n: number, m: number) => number>> = {
  asymmetric: (i, s) => i / s,
  half_pixel: (i, s) => (i + 0.5) / s - 0.5,
  // equal to half_pixel when m = n·s exactly (the centre shift is 0)
  half_pixel_symmetric: (i, s) => (i + 0.5) / s - 0.5,
  pytorch_half_pixel: (i, s, _n, m) => (m > 1 ? (i + 0.5) / s - 0.5 : 0),
  align_corners: (i, _s, n, m) => (m === 1 ? 0 : (i * (n - 1)) / (m - 1)),
  tf_half_pixel_for_nn: (i, s) => (i + 0.5) / s,
};

const ROUNDINGS: Readonly<Record<string, (x: number) => number>> = {
  round_prefer_floor: (x) => (x - Math.floor(x) === 0.5 ? Math.floor(x) : Math.round(x)),
  round_prefer_ceil: (x) => (x - Math.floor(x) === 0.5 ? Math.ceil(x) : Math.round(x)),
  floor: Math.floor,
  ceil: Math.ceil,
};

export const COORDINATE_MODES = Object.keys(TRANSFORMS);
export const NEAREST_MODES = Object.keys(ROUNDINGS);

/** The input positions read by the m = n·s outputs of one axis. */
export function nearestSources(n: number, s: number, transform: string, rounding: string): number[] {
  const f = TRANSFORMS[transform];
  const r = ROUNDINGS[rounding];
  return Array.from({ length: n * s }, (_v, i) => Math.min(Math.max(r(f(i, s, n, n * s)), 0), n - 1));
}

/** The first output position whose source is not ⌊i/s⌋, or −1 when every one is. */
export function firstNonFloor(n: number, s: number, transform: string, rounding: string): number {
  return nearestSources(n, s, transform, rounding).findIndex((src, i) => src !== Math.floor(i / s));
}
