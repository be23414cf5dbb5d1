import { fail, type Where } from '../../../diagnostics/diagnostic.ts';
import { showShape } from '../values.ts';

/** numpy broadcasting of several shapes (aligned right; a 1 stretches), or a shape-mismatch naming them. */
export function broadcastDims(shapes: readonly (readonly number[])[], where: Where): number[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    s.forEach((d, k) => {
      const at = rank - s.length + k;
      if (d !== 1 && out[at] !== 1 && out[at] !== d) throw fail('shape-mismatch', where, `shapes ${shapes.map(showShape).join(' and ')} must broadcast together`);
      if (d !== 1) out[at] = d;
    });
  }
  return out;
}

/** For each row-major position of `out`, the position in a tensor of shape `dims` broadcast to it (numpy rules). */
export function broadcastIndex(out: readonly number[], dims: readonly number[]): Int32Array {
  const n = out.reduce((a, b) => a * b, 1);
  const index = new Int32Array(n);
  const pad = out.length - dims.length;
  const stride = new Array<number>(out.length).fill(0);
  for (let k = dims.length - 1, s = 1; k >= 0; k--) {
    stride[pad + k] = dims[k] === 1 ? 0 : s;
    s *= dims[k];
  }
  const pos = new Array<number>(out.length).fill(0);
  for (let j = 0; j < n; j++) {
    let at = 0;
    for (let k = 0; k < out.length; k++) at += pos[k] * stride[k];
    index[j] = at;
    for (let k = out.length - 1; k >= 0; k--) {
      if (++pos[k] < out[k]) break;
      pos[k] = 0;
    }
  }
  return index;
}
