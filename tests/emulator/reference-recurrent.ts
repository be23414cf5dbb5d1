import { doubleParts, SIGMOID_RANGE, sigmoidTable, TANH_RANGE, tanhTable } from '../../src/fixed/index.ts';
import type { CellActivation, Layer, PrecisionVar, RecurrentLayer } from '../../src/ir/layers.ts';

/**
 * The BigInt oracle of LSTM, GRU and SimpleRNN, written straight from docs/arithmetic.md ("Recurrent layers"), one
 * sample and one step at a time, every value an exact rational m · 2^−f, every cast through the caller's Q (which
 * counts overflows per variable). Independent of src/emulator: no dense kernels, no packing, no fast paths.
 */
export interface Exact {
  m: bigint;
  f: number;
}
export type Cast = (v: Exact, variable: PrecisionVar) => Exact;

const exact = (x: number): Exact => {
  const { mantissa, frac } = doubleParts(x);
  return { m: BigInt(mantissa), f: frac };
};
const align = (a: Exact, f: number): bigint => a.m << BigInt(f - a.f);
const add = (a: Exact, b: Exact): Exact => {
  const f = Math.max(a.f, b.f);
  return { m: align(a, f) + align(b, f), f };
};
const sub = (a: Exact, b: Exact): Exact => add(a, { m: -b.m, f: b.f });
const mul = (a: Exact, b: Exact): Exact => ({ m: a.m * b.m, f: a.f + b.f });
const ZERO: Exact = { m: 0n, f: 0 };
const ONE: Exact = { m: 1n, f: 0 };

function activationOf(a: CellActivation, v: PrecisionVar, layer: Layer, Q: Cast, tableSize: number): (x: Exact) => Exact {
  switch (a.fn) {
    case 'tanh':
    case 'sigmoid': {
      const range = a.fn === 'tanh' ? TANH_RANGE : SIGMOID_RANGE;
      const table = (a.fn === 'tanh' ? tanhTable : sigmoidTable)(tableSize, layer.precision[v]!);
      const k = Math.log2(tableSize / range);
      return (x) => {
        const scaled = k >= x.f ? x.m << BigInt(k - x.f) : x.m >> BigInt(x.f - k); // floor(x · 2^k)
        const i = scaled + BigInt(tableSize / 2);
        const index = i < 0n ? 0 : i > BigInt(tableSize - 1) ? tableSize - 1 : Number(i);
        return Q(exact(table[index]), v);
      };
    }
    case 'relu':
      return (x) => Q(x.m > 0n ? x : ZERO, v);
    case 'linear':
      return (x) => Q(x, v);
    case 'hard_sigmoid': {
      const [alpha, beta] = [Q(exact(a.alpha), 'param'), Q(exact(a.beta), 'param')];
      return (x) => {
        const t = add(mul(alpha, x), beta);
        return t.m <= 0n ? ZERO : sub(t, ONE).m >= 0n ? Q(ONE, v) : Q(t, v);
      };
    }
  }
}

export function referenceRecurrent(layer: RecurrentLayer, x: Exact[], Q: Cast, batch: number): Exact[] {
  const { units: u, nIn, steps: T } = layer;
  const G = { lstm: 4, gru: 3, simple_rnn: 1 }[layer.kind];
  const g = G * u;
  const W = Array.from(layer.kernel, (w) => Q(exact(w), 'weight'));
  const U = Array.from(layer.recurrentKernel, (w) => Q(exact(w), 'recurrent_weight'));
  const B = Array.from(layer.bias, (b) => Q(exact(b), 'bias'));
  const BR = Array.from(layer.recurrentBias, (b) => Q(exact(b), 'bias'));
  const act = activationOf(layer.activation, 'table', layer, Q, layer.tableSize);
  const ract = layer.kind === 'simple_rnn' ? act : activationOf(layer.recurrentActivation, 'recurrent_table', layer, Q, layer.tableSize);
  // column j of a [rows][g] matrix applied to v, starting at Q_accum(bias_j), one accum cast per term
  const column = (v: Exact[], M: Exact[], bias: Exact[], j: number): Exact => {
    let acc = Q(bias[j], 'accum');
    for (let i = 0; i < v.length; i++) acc = Q(add(acc, mul(v[i], M[i * g + j])), 'accum');
    return acc;
  };
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  const out: Exact[] = [];
  for (let r = 0; r < batch; r++) {
    let h: Exact[] = Array(u).fill(ZERO);
    let c: Exact[] = Array(u).fill(ZERO);
    const seq: Exact[][] = Array(T);
    for (let k = 0; k < T; k++) {
      const t = layer.goBackwards ? T - 1 - k : k;
      const xt = x.slice((r * T + t) * nIn, (r * T + t + 1) * nIn);
      const ax = range(0, g).map((j) => column(xt, W, B, j));
      if (layer.kind === 'lstm') {
        const ah = range(0, g).map((j) => column(h, U, BR, j));
        const z = ax.map((a, j) => Q(add(a, ah[j]), 'accum'));
        const [i, f, gg, o] = [0, 1, 2, 3].map((gate) => range(0, u).map((j) => (gate === 2 ? act : ract)(z[gate * u + j])));
        c = range(0, u).map((j) => Q(add(mul(f[j], c[j]), mul(i[j], gg[j])), 'state'));
        h = range(0, u).map((j) => Q(mul(o[j], act(c[j])), 'state'));
      } else if (layer.kind === 'gru') {
        const ah = range(0, layer.resetAfter ? g : 2 * u).map((j) => column(h, U, BR, j));
        const zg = range(0, u).map((j) => ract(Q(add(ax[j], ah[j]), 'accum')));
        const rg = range(0, u).map((j) => ract(Q(add(ax[u + j], ah[u + j]), 'accum')));
        let pre: Exact[];
        if (layer.resetAfter) pre = range(0, u).map((j) => Q(add(ax[2 * u + j], mul(rg[j], ah[2 * u + j])), 'accum'));
        else {
          const rh = range(0, u).map((j) => Q(mul(rg[j], h[j]), 'state'));
          pre = range(0, u).map((j) => Q(add(ax[2 * u + j], column(rh, U, BR, 2 * u + j)), 'accum'));
        }
        const hh = pre.map(act);
        h = range(0, u).map((j) => Q(add(mul(zg[j], h[j]), mul(sub(ONE, zg[j]), hh[j])), 'state'));
      } else {
        const ah = range(0, g).map((j) => column(h, U, BR, j));
        h = range(0, u).map((j) => Q(act(Q(add(ax[j], ah[j]), 'accum')), 'state'));
      }
      seq[layer.reverseOutputs ? T - 1 - k : k] = h;
    }
    if (layer.returnSequences) for (const s of seq) out.push(...s.map((v) => Q(v, 'result')));
    else out.push(...h.map((v) => Q(v, 'result')));
  }
  return out;
}
