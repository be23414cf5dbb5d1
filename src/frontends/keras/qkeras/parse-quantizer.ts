/**
 * A QKeras quantizer as the model JSON states it: a `{class_name, config}` object, or a Python call string such as
 * `quantized_relu(3,1)`, `quantized_bits(6, 0, alpha=1)` or `binary` (QKeras evaluates these strings).
 */
export interface QuantizerSpec {
  readonly className: string;
  readonly args: Readonly<Record<string, unknown>>;
  /** how the model wrote it, for messages */
  readonly text: string;
}

/** Constructor parameter order of each QKeras quantizer, for positional arguments in call strings. */
export const POSITIONAL: Readonly<Record<string, readonly string[]>> = {
  quantized_bits: ['bits', 'integer', 'symmetric', 'keep_negative', 'alpha', 'use_stochastic_rounding'],
  quantized_relu: ['bits', 'integer', 'use_sigmoid', 'negative_slope', 'use_stochastic_rounding', 'relu_upper_bound'],
  quantized_po2: ['bits', 'max_value', 'use_stochastic_rounding', 'quadratic_approximation', 'log2_rounding'],
  quantized_relu_po2: ['bits', 'max_value', 'negative_slope', 'use_stochastic_rounding', 'quadratic_approximation', 'log2_rounding'],
  quantized_tanh: ['bits', 'use_stochastic_rounding', 'use_real_tanh'],
  quantized_sigmoid: ['bits', 'use_real_sigmoid', 'use_stochastic_rounding'],
  binary: ['use_01', 'alpha', 'use_stochastic_rounding'],
  ternary: ['alpha', 'threshold', 'use_stochastic_rounding'],
};

/** The spec, or undefined when `v` is not written like a quantizer. */
export function parseQuantizer(v: unknown): QuantizerSpec | undefined {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.class_name !== 'string') return undefined;
    const args = (o.config ?? {}) as Record<string, unknown>;
    return { className: o.class_name, args, text: `${o.class_name}(${Object.entries(args).map(([k, x]) => `${k}=${JSON.stringify(x)}`).join(', ')})` };
  }
  if (typeof v !== 'string') return undefined;
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$/s.exec(v);
  if (!m) return undefined;
  const [, className, inner] = m;
  const args: Record<string, unknown> = {};
  const names = POSITIONAL[className] ?? [];
  splitArgs(inner ?? '').forEach((part, i) => {
    const kw = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*(.*)$/s.exec(part);
    if (kw) args[kw[1]] = pyValue(kw[2]);
    else args[names[i] ?? `arg${i}`] = pyValue(part);
  });
  return { className, args, text: v.trim() };
}

/** Split a Python argument list on top-level commas. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** A Python literal: number, True/False, None or a quoted string (anything else stays text). */
function pyValue(s: string): unknown {
  const t = s.trim();
  if (t === 'True') return true;
  if (t === 'False') return false;
  if (t === 'None') return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  const q = /^(['"])(.*)\1$/s.exec(t);
  return q ? q[2] : t;
}
