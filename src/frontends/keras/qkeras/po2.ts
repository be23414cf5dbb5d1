/**
 * QKeras quantized_po2(bits, max_value) in inference mode: y = s · 2^e with s = sign(x) (0 → +1) and
 * e = clip(round(log2(min(|x|, max_value))), min_exp, max_exp) (round half to even; `floor` when log2_rounding is
 * 'floor'); |x| below Keras' epsilon 1e-7 gives e = min_exp. One bit is the sign of x; the exponent needs a sign bit
 * too unless max_value ≤ 1 (quantized_relu_po2 quantizes relu(x) and has no sign bit for x), so with k = bits − 1 − (max_value ≤ 1 ? 0 : 1): min_exp = −2^k, max_exp = 2^k − 1.
 */
export function po2Values(x: Float64Array, bits: number, maxValue: number | undefined, rounding: string, relu = false): Float64Array {
  // quantized_relu_po2 has no sign bit for x: it quantizes relu(x), so negative x gives 2^min_exp
  const k = bits - (relu ? 0 : 1) - (maxValue !== undefined && maxValue <= 1 ? 0 : 1);
  const [minExp, maxExp] = [-(2 ** k), 2 ** k - 1];
  return x.map((v) => {
    const sign = v >= 0 || relu ? 1 : -1;
    const abs = relu ? Math.max(v, 0) : Math.abs(v);
    if (abs < 1e-7) return sign * 2 ** minExp;
    const clipped = maxValue !== undefined && abs >= maxValue ? maxValue : abs;
    const l = Math.log2(clipped);
    const e = rounding === 'floor' ? Math.floor(l) : roundHalfEven(l);
    return sign * 2 ** Math.min(maxExp, Math.max(minExp, e));
  });
}

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const r = v - f;
  return r > 0.5 || (r === 0.5 && f % 2 !== 0) ? f + 1 : f;
}
