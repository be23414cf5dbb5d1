/** Quantization error of fixed-point outputs against a float evaluation of the same inputs (reported, never hidden). */
export interface ErrorReport {
  readonly maxAbs: number;
  readonly meanAbs: number;
  /** fraction of samples whose largest output is at the same index (classification agreement), when width > 1 */
  readonly argmaxAgreement?: number;
}

export function compareToFloat(fixed: Float64Array, float: Float64Array, width: number): ErrorReport {
  let maxAbs = 0;
  let sum = 0;
  for (let i = 0; i < fixed.length; i++) {
    const d = Math.abs(fixed[i] - float[i]);
    sum += d;
    if (d > maxAbs) maxAbs = d;
  }
  const batch = fixed.length / width;
  let agree = 0;
  if (width > 1) for (let s = 0; s < batch; s++) if (argmax(fixed, s * width, width) === argmax(float, s * width, width)) agree++;
  return { maxAbs, meanAbs: fixed.length ? sum / fixed.length : 0, argmaxAgreement: width > 1 ? agree / batch : undefined };
}

function argmax(a: Float64Array, off: number, n: number): number {
  let best = 0;
  for (let k = 1; k < n; k++) if (a[off + k] > a[off + best]) best = k;
  return best;
}
