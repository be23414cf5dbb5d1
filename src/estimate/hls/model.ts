import type { IOType } from '../../config/project-config.ts';
import { quantizeDouble, type FixedType } from '../../fixed/index.ts';
import { sizeOf } from '../../ir/graph.ts';
import type { KindRegistry, LayerKind, LayerOf } from '../../ir/layers.ts';
import { csdDigits, dspSlices } from '../multiplier.ts';
import type { LayerEstimate } from '../types.ts';
import { HLS_DSP_MIN_PRODUCT } from './constants.ts';
import { recurrentRule } from './recurrent.ts';
import { convRule, depthwiseRule, poolRule } from './window-layers.ts';

/**
 * A MODEL of what Vivado/Vitis HLS makes of our HLS C++ (not a measurement; docs/estimation.md, "HLS model").
 * Rules of thumb in the spirit of hls4ml's:
 * - a dense layer performs ceil(nonzero weights / RF) multiplies per cycle; with RF 1 (latency strategy) each
 *   weight is a constant: a power of two is free, a product narrower than HLS_DSP_MIN_PRODUCT bits is built from
 *   shifts and adds (one adder per extra canonical-signed-digit), a wider one takes DSP48E2 slices; with RF > 1
 *   (resource strategy) the weights come from memory, so every multiply is a general one;
 * - every product is added once into an accumulator as wide as the accum type (one LUT and ¼ CARRY8 per bit);
 * - latency: dense = 1 (read) + 1 (multiply) + ceil(log2(terms per output)) / 2 (an adder tree, two levels per
 *   cycle at 200 MHz) + 1 (cast), at least 2, or RF + 3 for RF > 1; elementwise layers 1 cycle,
 *   table activations 2, softmax 4 + ceil(log2 n);
 * - flip-flops: every pipeline stage registers the values alive in it;
 * - II: not modelled here but taken from ir/timing.ts, the definition the HLS pragma and the RTL share.
 */
export { HLS_DSP_MIN_PRODUCT };
const LUT_PER_ADDER_BIT = 1;

/** What a rule sees of its input, and the IOType (recurrent layers buffer differently in io_stream). */
type Context = { inType: FixedType; inSize: number; inShape: readonly number[]; ioType?: IOType };
export type HlsRule<K extends LayerKind> = (layer: LayerOf<K>, ctx: Context) => Omit<LayerEstimate, 'name' | 'kind' | 'ii'>;

const zero = { lut: 0, ff: 0, dsp: 0, carry: 0, bram: 0, multipliers: { dsp: 0, lut: 0, free: 0 } };

const dense: HlsRule<'dense'> = (layer, ctx) => {
  const w = layer.precision.weight ?? layer.precision.result;
  const accum = layer.precision.accum ?? layer.precision.result;
  const rf = Math.max(1, layer.reuseFactor);
  const wx = ctx.inType.width;
  const mult = { dsp: 0, lut: 0, free: 0 };
  let [lut, dsp, terms] = [0, 0, 0];
  for (const v of layer.weights) {
    const m = quantizeDouble(v, w);
    if (m === 0) continue;
    terms++;
    if (rf > 1) continue; // shared multipliers are counted below
    const digits = csdDigits(m);
    if (digits === 1) mult.free++;
    else if (wx + w.width >= HLS_DSP_MIN_PRODUCT) [dsp, mult.dsp] = [dsp + dspSlices(wx, w.width), mult.dsp + 1];
    else [lut, mult.lut] = [lut + (digits - 1) * (wx + w.width) * LUT_PER_ADDER_BIT, mult.lut + 1];
  }
  if (rf > 1) {
    const shared = Math.ceil(terms / rf);
    if (wx + w.width >= HLS_DSP_MIN_PRODUCT) [dsp, mult.dsp] = [shared * dspSlices(wx, w.width), shared];
    else [lut, mult.lut] = [shared * wx * w.width * 0.6, shared];
  }
  const adders = rf > 1 ? Math.ceil(terms / rf) + layer.nOut : terms;
  lut += adders * accum.width * LUT_PER_ADDER_BIT;
  const carry = Math.ceil((adders * accum.width) / 8);
  const depth = Math.ceil(Math.log2(Math.max(2, terms / layer.nOut + 1)) / 2);
  const latency = rf > 1 ? rf + 3 : Math.max(2, 3 + depth);
  const ff = rf > 1 ? layer.nIn * wx + layer.nOut * accum.width * 2 : (terms * (wx + w.width)) / 2 + layer.nOut * accum.width * depth;
  const bram = rf > 1 && layer.weights.length * w.width > 4096 ? Math.ceil((layer.weights.length * w.width) / (18 * 1024)) / 2 : 0;
  return { lut: Math.round(lut), ff: Math.round(ff), dsp, carry, bram, multipliers: mult, latencyCycles: latency };
};

const elementwise = (lutPerElement: number, latency = 1) => (layer: { shape: readonly number[]; precision: { result: FixedType } }) => {
  const n = sizeOf(layer.shape);
  return { ...zero, lut: Math.round(n * lutPerElement * layer.precision.result.width), ff: n * layer.precision.result.width, latencyCycles: latency };
};

const table = (layer: LayerOf<'sigmoid' | 'tanh' | 'elu' | 'selu' | 'softplus' | 'softsign' | 'silu'>) => {
  const n = sizeOf(layer.shape);
  const t = layer.precision.table ?? layer.precision.result;
  return { ...zero, lut: n * 8, ff: n * layer.precision.result.width, bram: Math.ceil(n / 2) * Math.ceil((layer.tableSize * t.width) / (18 * 1024)) / 2, latencyCycles: 2 };
};

/** No logic: the data is wired through (input ports, identities, reshapes, transposes in io_parallel). */
const wire = () => ({ ...zero, latencyCycles: 0 });

/** A table activation with an exact branch beside the table (elu, selu, softplus, silu): the table plus a mux. */
const tableWithBranch = (layer: LayerOf<'elu' | 'selu' | 'softplus' | 'softsign' | 'silu'>, ctx: Context) => {
  const t = table(layer);
  if (layer.kind === 'softsign') return t;
  const n = sizeOf(layer.shape);
  const extra = n * layer.precision.result.width;
  if (layer.kind !== 'selu') return { ...t, lut: t.lut + extra };
  // selu's λq · x on the exact branch: one constant multiply per element
  const p = layer.precision.param ?? layer.precision.result;
  const wide = ctx.inType.width + p.width >= HLS_DSP_MIN_PRODUCT;
  return { ...t, lut: t.lut + extra + (wide ? 0 : n * ctx.inType.width), dsp: wide ? n : 0, multipliers: { dsp: wide ? n : 0, lut: wide ? 0 : n, free: 0 } };
};

/** One constant multiply per element (prelu's αq_c · x, hard_sigmoid's αq · x) plus a mux or clamp. */
const scaled = (lutPerElement: number) => (layer: LayerOf<'prelu' | 'hard_sigmoid'>, ctx: Context) => {
  const n = sizeOf(layer.shape);
  const p = layer.precision.param ?? layer.precision.result;
  const wide = ctx.inType.width + p.width >= HLS_DSP_MIN_PRODUCT;
  const base = elementwise(lutPerElement)(layer);
  return { ...base, lut: base.lut + (wide ? 0 : n * ctx.inType.width), dsp: wide ? n : 0, multipliers: { dsp: wide ? n : 0, lut: wide ? 0 : n, free: 0 } };
};

const softmax: HlsRule<'softmax'> = (layer) => {
  const n = sizeOf(layer.shape);
  const res = layer.precision.result;
  const e = layer.precision.exp_table ?? res;
  const products = n * (e.width + res.width >= HLS_DSP_MIN_PRODUCT ? 1 : 0);
  return {
    ...zero,
    lut: Math.round(n * e.width * 3 + n * res.width),
    ff: n * (e.width + res.width) * 2,
    dsp: products,
    bram: (Math.ceil(n / 2) + 1) * Math.ceil((layer.tableSize * e.width) / (18 * 1024)) / 2,
    multipliers: { dsp: products, lut: n - products, free: 0 },
    latencyCycles: 4 + Math.ceil(Math.log2(Math.max(2, n))),
  };
};

/** The HLS model of every layer kind (adding a kind fails tsc until it is modelled here). */
export const HLS_RULES: KindRegistry<{ [K in LayerKind]: HlsRule<K> }> = {
  // io_parallel convolution family (window-layers.ts); pad, crop and upsample are wiring
  conv: convRule,
  depthwise_conv: depthwiseRule,
  pool: poolRule,
  pad: wire,
  crop: wire,
  upsample: wire,
  input: wire,
  identity: wire,
  quant: wire, // lowered by import-qonnx before any estimate
  dense,
  batchnorm: (layer, ctx) => {
    const n = sizeOf(layer.shape);
    const s = layer.precision.scale ?? layer.precision.result;
    const wide = ctx.inType.width + s.width >= HLS_DSP_MIN_PRODUCT;
    return { ...elementwise(1)(layer), lut: n * (wide ? 1 : ctx.inType.width) * layer.precision.result.width, dsp: wide ? n : 0, multipliers: { dsp: wide ? n : 0, lut: wide ? 0 : n, free: 0 } };
  },
  relu: elementwise(0.5),
  abs: elementwise(1),
  leaky_relu: elementwise(1.5),
  clip: elementwise(1),
  linear: elementwise(0),
  sigmoid: table,
  tanh: table,
  softmax,
  // data movement is wiring in io_parallel
  reshape: wire,
  transpose: wire,
  // one adder, comparator or multiplier per element and input after the first, one cycle
  merge: (layer, ctx) => {
    const ops = sizeOf(layer.shape) * (layer.inputs.length - 1);
    const w = layer.precision.result.width;
    if (layer.op !== 'multiply') return { ...elementwise(1)(layer), lut: ops * w, carry: Math.ceil((ops * w) / 8) };
    const wide = 2 * ctx.inType.width >= HLS_DSP_MIN_PRODUCT;
    const lut = wide ? 0 : Math.round(ops * ctx.inType.width * ctx.inType.width * 0.6);
    return { ...elementwise(1)(layer), lut, dsp: wide ? ops : 0, multipliers: { dsp: wide ? ops : 0, lut: wide ? 0 : ops, free: 0 } };
  },
  concatenate: elementwise(0),
  prelu: scaled(1.5),
  hard_sigmoid: scaled(2),
  hard_tanh: elementwise(1),
  thresholded_relu: elementwise(1),
  binary_tanh: elementwise(0.25),
  ternary_tanh: elementwise(0.5),
  elu: tableWithBranch,
  selu: tableWithBranch,
  softplus: tableWithBranch,
  softsign: tableWithBranch,
  silu: tableWithBranch,
  dot: (_layer, ctx) => {
    const n = ctx.inSize;
    const wide = 2 * ctx.inType.width >= HLS_DSP_MIN_PRODUCT;
    const accBits = 2 * ctx.inType.width + Math.ceil(Math.log2(Math.max(2, n)));
    const lut = Math.round((wide ? 0 : n * ctx.inType.width * ctx.inType.width * 0.6) + n * accBits);
    const latencyCycles = 2 + Math.ceil(Math.log2(Math.max(2, n)) / 2);
    return { lut, ff: n * accBits, dsp: wide ? n : 0, carry: Math.ceil((n * accBits) / 8), bram: 0, multipliers: { dsp: wide ? n : 0, lut: wide ? 0 : n, free: 0 }, latencyCycles };
  },
  // one cell datapath iterating the steps (recurrent.ts)
  lstm: recurrentRule(dense),
  gru: recurrentRule(dense),
  simple_rnn: recurrentRule(dense),
};
