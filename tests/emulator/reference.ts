import {
  doubleParts,
  EXP_RANGE,
  expTable,
  fracBits,
  invRange,
  invTable,
  quantizeScaledBig,
  SIGMOID_RANGE,
  sigmoidTable,
  TANH_RANGE,
  tanhTable,
  type FixedType,
  type OverflowStats,
} from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer, PrecisionVar } from '../../src/ir/layers.ts';

/**
 * An independent, slow, obviously-correct oracle for the emulator, written straight from docs/arithmetic.md:
 * exact rationals m · 2^−f in BigInt, every cast through quantizeScaledBig, no skipping, no shortcuts.
 * Overflow counting convention: constants (weights, biases, scales, parameters) count once per run, every other
 * cast each time it happens.
 */
interface Exact {
  m: bigint;
  f: number;
}

const exact = (x: number): Exact => {
  const { mantissa, frac } = doubleParts(x);
  return { m: BigInt(mantissa), f: frac };
};
const align = (a: Exact, f: number): bigint => a.m << BigInt(f - a.f);
const add = (a: Exact, b: Exact): Exact => {
  const f = Math.max(a.f, b.f);
  return { m: align(a, f) + align(b, f), f };
};
const mul = (a: Exact, b: Exact): Exact => ({ m: a.m * b.m, f: a.f + b.f });
const cmp = (a: Exact, b: Exact): number => {
  const f = Math.max(a.f, b.f);
  const d = align(a, f) - align(b, f);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
/** floor(a · 2^k) */
const floorScaled = (a: Exact, k: number): bigint => (k >= a.f ? a.m << BigInt(k - a.f) : a.m >> BigInt(a.f - k));
const clampIndex = (i: bigint, n: number): number => Number(i < 0n ? 0n : i > BigInt(n - 1) ? BigInt(n - 1) : i);

export interface ReferenceResult {
  output: number[];
  overflowsByVar: Record<string, Partial<Record<PrecisionVar, number>>>;
}

export function referenceEmulate(graph: Graph, inputs: Float64Array, batch: number): ReferenceResult {
  const counts: Record<string, Partial<Record<PrecisionVar, number>>> = {};
  const values = new Map<string, Exact[]>();
  for (const layer of graph.layers) {
    const Q = (v: Exact, variable: PrecisionVar): Exact => {
      const t = layer.precision[variable] as FixedType;
      const stats: OverflowStats = { overflows: 0 };
      const m = quantizeScaledBig(v.m, v.f, t, stats);
      if (stats.overflows) (counts[layer.name] ??= {})[variable] = (counts[layer.name][variable] ?? 0) + 1;
      return { m, f: fracBits(t) };
    };
    const x = layer.kind === 'input' ? Array.from(inputs, exact) : values.get(layer.inputs[0])!;
    values.set(layer.name, referenceLayer(layer, x, Q));
  }
  const out = values.get(graph.outputs[0])!;
  return { output: out.map((v) => Number(v.m) * 2 ** -v.f), overflowsByVar: counts };
}

type Cast = (v: Exact, variable: PrecisionVar) => Exact;

function referenceLayer(layer: Layer, x: Exact[], Q: Cast): Exact[] {
  const last = layer.shape[layer.shape.length - 1];
  switch (layer.kind) {
    case 'input':
    case 'linear':
      return x.map((v) => Q(v, 'result'));
    case 'identity':
      return x;
    case 'quant':
      throw new Error(`layer '${layer.name}': QONNX quantizers are lowered by the import-qonnx pass before this reference runs`);
    case 'relu':
      return x.map((v) => Q(v.m > 0n ? v : { m: 0n, f: 0 }, 'result'));
    case 'leaky_relu': {
      const alpha = Q(exact(layer.alpha), 'param');
      return x.map((v) => Q(v.m > 0n ? v : mul(alpha, v), 'result'));
    }
    case 'clip':
      return x.map((v) =>
        cmp(v, exact(layer.min)) < 0 ? Q(exact(layer.min), 'result') : cmp(v, exact(layer.max)) > 0 ? Q(exact(layer.max), 'result') : Q(v, 'result'),
      );
    case 'batchnorm': {
      const scale = Array.from(layer.scale, (s) => Q(exact(s), 'scale'));
      const bias = Array.from(layer.bias, (b) => Q(exact(b), 'bias'));
      return x.map((v, i) => Q(add(mul(v, scale[i % scale.length]), bias[i % bias.length]), 'result'));
    }
    case 'dense': {
      // constants are quantized once per run (their overflows count once), the accumulation per sample
      const weights = Array.from(layer.weights, (w) => Q(exact(w), 'weight'));
      const bias = Array.from(layer.bias, (b) => Q(exact(b), 'bias'));
      const out: Exact[] = [];
      for (let r = 0; r < x.length / layer.nIn; r++)
        for (let j = 0; j < layer.nOut; j++) {
          let acc = Q(bias[j], 'accum');
          for (let i = 0; i < layer.nIn; i++) acc = Q(add(acc, mul(x[r * layer.nIn + i], weights[i * layer.nOut + j])), 'accum');
          out.push(Q(acc, 'result'));
        }
      return out;
    }
    case 'sigmoid':
    case 'tanh': {
      const n = layer.tableSize;
      const range = layer.kind === 'sigmoid' ? SIGMOID_RANGE : TANH_RANGE;
      const table = (layer.kind === 'sigmoid' ? sigmoidTable : tanhTable)(n, layer.precision.table!);
      const k = Math.log2(n / range);
      return x.map((v) => Q(exact(table[clampIndex(floorScaled(v, k) + BigInt(n / 2), n)]), 'result'));
    }
    case 'softmax': {
      const n = layer.tableSize;
      const exps = expTable(n, layer.precision.exp_table!);
      const invs = invTable(n, last, layer.precision.inv_table!);
      const out: Exact[] = [];
      for (let g = 0; g < x.length; g += last) {
        const group = x.slice(g, g + last);
        const mx = group.reduce((a, b) => (cmp(a, b) >= 0 ? a : b));
        const e = group.map((v) => {
          const negD = add(mx, { m: -v.m, f: v.f }); // −d = max − x ≥ 0
          return exact(exps[clampIndex(floorScaled(negD, Math.log2(n / EXP_RANGE)), n)]);
        });
        let s: Exact = { m: 0n, f: 0 };
        for (const ei of e) s = Q(add(s, ei), 'accum');
        const inv = exact(invs[clampIndex(floorScaled(s, Math.log2(n / invRange(last))), n)]);
        for (const ei of e) out.push(Q(mul(ei, inv), 'result'));
      }
      return out;
    }
  }
}
