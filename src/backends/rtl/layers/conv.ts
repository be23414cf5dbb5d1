import { windowIndex, windowOutputSpatial, windowTaps } from '../../../ir/window.ts';
import type { LayerOf } from '../../../ir/layers.ts';
import type { Fx } from '../netlist/fx.ts';
import { combLayer } from './comb-layer.ts';
import { maccConstants, type DenseConstants } from './dense-constants.ts';
import { parallelMultipliers, parallelRow, type DotRow } from './dot-rows.ts';
import { reuseLayer } from './reuse-rows.ts';
import { checkUnrolled } from './unroll-limit.ts';
import type { LayerContext, LayerHardware, RtlLayer } from './types.ts';
import { accumulationNote } from './accumulate.ts';

/**
 * conv and depthwise_conv in io_parallel (docs/arithmetic.md, "Convolution"): every output position at once, each
 * one the dense product over its im2col vector, gathered by the one geometry (src/ir/window.ts windowIndex):
 * conv: element t·nIn + c of position p is x[tap(p, t), c]; depthwise: row (p, c) has element t = x[tap(p, t), c].
 * Padding taps are absent (an exact 0). Reuse factor 1: constant multipliers and trees/chains (dot-rows.ts);
 * R > 1: each row's multipliers shared over R cycles (reuse-rows.ts), II R.
 */
export const conv: RtlLayer<'conv'> = (layer, ctx) => {
  const g = geometry(layer, ctx);
  const k = maccConstants(layer, layer.weights, layer.bias, g.taps * layer.nIn, layer.nOut);
  const rowsOf = (xs: Fx[]): DotRow[] =>
    Array.from({ length: g.positions }, (_, p) => ({ xs: gather(xs, g.index, p, g.taps, layer.nIn, (c) => c, layer.nIn), k, hint: `pos${p}_` }));
  const what = `conv ${g.text}, ${layer.nIn} -> ${layer.nOut} channels: ${g.positions} positions in parallel, each a dense ${k.nIn} -> ${k.nOut} over its im2col vector`;
  return build(layer, ctx, { size: g.positions * layer.nOut }, k, rowsOf, what);
};

export const depthwiseConv: RtlLayer<'depthwise_conv'> = (layer, ctx) => {
  const g = geometry(layer, ctx);
  const [cs, m] = [layer.channels, layer.multiplier];
  // channel c: weights [t][c][k] → its own [taps][m] matrix and biases c·m … c·m + m − 1
  const ks: DenseConstants[] = Array.from({ length: cs }, (_, c) =>
    maccConstants(
      layer,
      Array.from({ length: g.taps * m }, (_, i) => layer.weights[(Math.floor(i / m) * cs + c) * m + (i % m)]),
      layer.bias.subarray(c * m, c * m + m),
      g.taps,
      m,
    ),
  );
  const rowsOf = (xs: Fx[]): DotRow[] =>
    Array.from({ length: g.positions * cs }, (_, pc) => {
      const [p, c] = [Math.floor(pc / cs), pc % cs];
      return { xs: gather(xs, g.index, p, g.taps, 1, () => c, cs), k: ks[c], hint: `pos${p}_c${c}_` };
    });
  const what = `depthwise conv ${g.text}, ${cs} channels × multiplier ${m}: ${g.positions} positions × ${cs} channels in parallel, each a dense ${g.taps} -> ${m}`;
  return build(layer, ctx, { size: g.positions * cs * m }, ks[0], rowsOf, what);
};

interface Geometry {
  readonly index: Int32Array;
  readonly taps: number;
  readonly positions: number;
  readonly text: string;
}

function geometry(layer: LayerOf<'conv' | 'depthwise_conv'>, ctx: LayerContext): Geometry {
  const inSpatial = ctx.inputs[0].shape.slice(0, -1);
  const outSpatial = windowOutputSpatial(inSpatial, layer);
  const taps = windowTaps(layer);
  const positions = outSpatial.reduce((a, b) => a * b, 1);
  const text =
    `[${inSpatial.join('x')}] -> [${outSpatial.join('x')}], kernel ${layer.kernel.join('x')}, strides ${layer.strides.join('x')}, ` +
    `dilations ${layer.dilations.join('x')}, pads [${layer.padBegin.join(', ')}] / [${layer.padEnd.join(', ')}]`;
  return { index: windowIndex(inSpatial, layer), taps, positions, text };
}

/**
 * The input vector of one row: for tap t and lane c < lanes, element t·lanes + c is channel `channel(c)` of the input
 * position the tap reads (undefined in the padding); the input has `channels` channels per position.
 */
function gather(xs: Fx[], index: Int32Array, p: number, taps: number, lanes: number, channel: (c: number) => number, channels: number): (Fx | undefined)[] {
  const v: (Fx | undefined)[] = [];
  for (let t = 0; t < taps; t++) {
    const q = index[p * taps + t];
    for (let c = 0; c < lanes; c++) v.push(q < 0 ? undefined : xs[q * channels + channel(c)]);
  }
  return v;
}

function build(
  layer: LayerOf<'conv' | 'depthwise_conv'>,
  ctx: LayerContext,
  out: { size: number },
  k: DenseConstants,
  rowsOf: (xs: Fx[]) => DotRow[],
  what: string,
): LayerHardware {
  const r = layer.reuseFactor;
  const type = k.result;
  // refuse an absurd unrolled design before building it (counted on rows of placeholder inputs: no netlist yet)
  const probe = rowsOf(Array.from({ length: ctx.inSize }, () => ({}) as Fx));
  const operations = probe.reduce((n, row) => n + parallelMultipliers(row), 0);
  checkUnrolled(layer, ctx.file, { operations, unit: 'multipliers', outputs: out.size, shared: true });
  // output j of row i is element i·nOut + j of the channels-last result (conv: [p][f]; depthwise: [p][c·m + k])
  const mode = accumulationNote(k, 'adder trees', 'ascending add+cast chains (accum mode is order-dependent)');
  if (r <= 1) {
    return combLayer(layer, ctx, { type, size: out.size }, (b, xs) => rowsOf(xs).flatMap((row) => parallelRow(b, { ...row, dspCost: ctx.dspCost })), [
      what,
      `reuse factor 1, accumulation: ${mode}`,
    ]);
  }
  return reuseLayer(layer, ctx, { type, size: out.size }, rowsOf, (ys) => ys.flat(), (multipliers, g) => [
    what,
    `reuse factor ${r}: ${multipliers} shared multipliers, ${g} inputs per cycle per row, accumulation: ${mode}`,
  ]);
}
