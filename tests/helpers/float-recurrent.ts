import type { CellActivation, RecurrentLayer } from '../../src/ir/layers.ts';

/**
 * An independent float reference of LSTM, GRU and SimpleRNN, written from Keras's cell equations (keras/layers/rnn),
 * one sample and one step at a time in plain doubles; shares no code with src/emulator. The weights are read in the
 * IR layout (Keras's): kernel [nIn][G·units], recurrent kernel [units][G·units], gates i, f, c, o / z, r, h.
 */
const fn = (a: CellActivation) => (v: number): number => {
  switch (a.fn) {
    case 'tanh':
      return Math.tanh(v);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
    case 'relu':
      return Math.max(v, 0);
    case 'linear':
      return v;
    case 'hard_sigmoid':
      return Math.min(1, Math.max(0, a.alpha * v + a.beta));
  }
};

/** y = v · M[:, from..from+n) + b[from..from+n) for a row-major [rows][cols] matrix. */
function matvec(v: readonly number[], m: Float64Array, cols: number, b: Float64Array, from: number, n: number): number[] {
  const y: number[] = [];
  for (let j = from; j < from + n; j++) {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] * m[i * cols + j];
    y.push(s + b[j]);
  }
  return y;
}

export function floatRecurrent(l: RecurrentLayer, inputs: Float64Array, batch: number): Float64Array {
  const { units: u, nIn, steps: T } = l;
  const G = l.kind === 'lstm' ? 4 : l.kind === 'gru' ? 3 : 1;
  const act = fn(l.activation);
  const ract = l.kind === 'simple_rnn' ? act : fn(l.recurrentActivation);
  const out: number[] = [];
  for (let r = 0; r < batch; r++) {
    let h = Array<number>(u).fill(0);
    let c = Array<number>(u).fill(0);
    const seq: number[][] = [];
    for (let k = 0; k < T; k++) {
      const t = l.goBackwards ? T - 1 - k : k;
      const x = Array.from(inputs.subarray((r * T + t) * nIn, (r * T + t + 1) * nIn));
      const xw = matvec(x, l.kernel, G * u, l.bias, 0, G * u);
      if (l.kind === 'lstm') {
        const hu = matvec(h, l.recurrentKernel, G * u, l.recurrentBias, 0, G * u);
        const z = xw.map((v, j) => v + hu[j]);
        const gate = (g: number, f: (v: number) => number) => z.slice(g * u, (g + 1) * u).map(f);
        const [i, f, cc, o] = [gate(0, ract), gate(1, ract), gate(2, act), gate(3, ract)];
        c = c.map((cv, j) => f[j] * cv + i[j] * cc[j]);
        h = o.map((ov, j) => ov * act(c[j]));
      } else if (l.kind === 'gru') {
        const hu = matvec(h, l.recurrentKernel, G * u, l.recurrentBias, 0, G * u);
        const z = h.map((_, j) => ract(xw[j] + hu[j]));
        const rr = h.map((_, j) => ract(xw[u + j] + hu[u + j]));
        const candidate = l.resetAfter
          ? h.map((_, j) => act(xw[2 * u + j] + rr[j] * hu[2 * u + j]))
          : matvec(h.map((hv, j) => rr[j] * hv), l.recurrentKernel, G * u, l.recurrentBias, 2 * u, u).map((v, j) => act(xw[2 * u + j] + v));
        h = h.map((hv, j) => z[j] * hv + (1 - z[j]) * candidate[j]);
      } else {
        const hu = matvec(h, l.recurrentKernel, u, l.recurrentBias, 0, u);
        h = xw.map((v, j) => act(v + hu[j]));
      }
      seq.push(h);
    }
    if (!l.returnSequences) out.push(...h);
    else for (let p = 0; p < T; p++) out.push(...seq[l.reverseOutputs ? T - 1 - p : p]);
  }
  return Float64Array.from(out);
}
