import { fail, type Where } from '../../diagnostics/diagnostic.ts';
import { showShape } from './values.ts';

/** ONNX Reshape's target resolution: 0 copies the input dimension (unless allowzero), −1 takes what is left. */
export function resolveReshape(where: Where, input: readonly number[], target: readonly number[], allowZero: boolean): number[] {
  const dims = target.map((d, i) => (d === 0 && !allowZero ? input[i] : d));
  const size = input.reduce((a, b) => a * b, 1);
  const known = dims.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const free = dims.filter((d) => d === -1).length;
  const resolved = dims.map((d) => (d === -1 ? size / known : d));
  const bad = free > 1 || resolved.some((d) => !Number.isInteger(d) || d < 0) || resolved.reduce((a, b) => a * b, 1) !== size;
  if (bad) throw fail('shape-mismatch', where, `shape ${showShape(target)} must hold the ${size} values of input ${showShape(input)}`);
  return resolved;
}

/** Unsqueeze: a 1 inserted at each of `axes` (of the output rank). */
export function unsqueezeDims(where: Where, dims: readonly number[], axes: readonly number[]): number[] {
  const rank = dims.length + axes.length;
  const at = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
  if (at.size !== axes.length || [...at].some((a) => a < 0 || a >= rank)) throw fail('unsupported-attribute', where, `axes must be distinct axes of the ${rank}-D output, not ${showShape(axes)}`);
  const out: number[] = [];
  for (let k = 0, i = 0; k < rank; k++) out.push(at.has(k) ? 1 : dims[i++]);
  return out;
}

/** Squeeze: the axes of size 1 listed in `axes` removed (every axis of size 1 when `axes` is undefined). */
export function squeezeDims(where: Where, dims: readonly number[], axes: readonly number[] | undefined): number[] {
  const rank = dims.length;
  const at = new Set((axes ?? dims.flatMap((d, k) => (d === 1 ? [k] : []))).map((a) => (a < 0 ? a + rank : a)));
  for (const a of at) if (!(a >= 0 && a < rank && dims[a] === 1)) throw fail('shape-mismatch', where, `axes must be axes of size 1 of ${showShape(dims)}, not ${showShape(axes ?? [])}`);
  return dims.filter((_d, k) => !at.has(k));
}
