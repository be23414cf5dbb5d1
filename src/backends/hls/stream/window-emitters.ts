import { accumulatedType, formatFixedType, fixedType, quantizeArray, reciprocal } from '../../../fixed/index.ts';
import type { LayerOf, Window } from '../../../ir/layers.ts';
import { layerInitiationInterval } from '../../../ir/timing.ts';
import { exactDecimal } from '../cpp-literal.ts';
import { arrayFile, castProductsConstant, unsignedConstant, type EmitContext } from '../emit-context.ts';
import { expectApTypes } from '../emitters/exact-type.ts';
import type { ConstantView } from '../view-model.ts';
import type { KernelStream, StreamEmitter } from './stream-emission.ts';
import { window2d, windowIterations, type Window2d } from './window-stream.ts';

/** The CONFIG_T window constants of hls/nnet/nnet_window_stream.h, from src/ir/window.ts lifted to two axes. */
function windowConstants(g: Window2d, channels: number, ii: number): ConstantView[] {
  return [
    unsignedConstant('in_height', g.inH),
    unsignedConstant('in_width', g.inW),
    unsignedConstant('n_chan', channels),
    unsignedConstant('out_height', g.outH),
    unsignedConstant('out_width', g.outW),
    unsignedConstant('kernel_h', g.kernel[0]),
    unsignedConstant('kernel_w', g.kernel[1]),
    unsignedConstant('stride_h', g.strides[0]),
    unsignedConstant('stride_w', g.strides[1]),
    unsignedConstant('dilation_h', g.dilations[0]),
    unsignedConstant('dilation_w', g.dilations[1]),
    unsignedConstant('pad_top', g.padBegin[0]),
    unsignedConstant('pad_left', g.padBegin[1]),
    unsignedConstant('reuse_factor', ii),
  ];
}

function windowKernel(ctx: EmitContext, w: Window, part: Omit<KernelStream, 'kind' | 'templateArgs' | 'iterations' | 'note' | 'constants'> & { constants: ConstantView[] }): KernelStream {
  const g = window2d(ctx.input.shape, w);
  const ii = layerInitiationInterval(ctx.layer);
  const channels = ctx.input.shape[ctx.input.shape.length - 1];
  return {
    kind: 'kernel',
    templateArgs: 'in-out',
    ...part,
    constants: [...windowConstants(g, channels, ii), ...part.constants],
    iterations: windowIterations(g, ii),
    note: `${g.inH}×${g.inW} in, ${g.outH}×${g.outW} out, a line buffer of ${g.lineRows} row(s) × ${g.inW} pixel(s), II ${ii} per output pixel`,
  };
}

/** conv: weights [taps][n_chan][n_filt] quantized once, as io_parallel. */
export const streamConv: StreamEmitter<'conv'> = (layer, ctx) => {
  const w = arrayFile(ctx, `w${ctx.index}`, 'weight', quantizeArray(layer.weights, ctx.precision('weight')), 'weights [taps][n_chan][n_filt]');
  const b = arrayFile(ctx, `b${ctx.index}`, 'bias', quantizeArray(layer.bias, ctx.precision('bias')), 'biases');
  return windowKernel(ctx, layer, {
    kernel: 'nnet::conv_stream',
    args: [w.name, b.name],
    types: ['weight', 'bias', 'accum'],
    constants: [unsignedConstant('n_filt', layer.nOut), castProductsConstant(layer, ctx)],
    arrays: [w, b],
    headers: ['nnet_conv_stream.h'],
  });
};

export const streamDepthwise: StreamEmitter<'depthwise_conv'> = (layer, ctx) => {
  const w = arrayFile(ctx, `w${ctx.index}`, 'weight', quantizeArray(layer.weights, ctx.precision('weight')), 'weights [taps][n_chan][n_mult]');
  const b = arrayFile(ctx, `b${ctx.index}`, 'bias', quantizeArray(layer.bias, ctx.precision('bias')), 'biases');
  return windowKernel(ctx, layer, {
    kernel: 'nnet::depthwise_conv_stream',
    args: [w.name, b.name],
    types: ['weight', 'bias', 'accum'],
    constants: [unsignedConstant('n_mult', layer.multiplier), castProductsConstant(layer, ctx)],
    arrays: [w, b],
    headers: ['nnet_conv_stream.h'],
  });
};

/**
 * pool: max needs nothing more; average sums exactly in sum_t (the input type with ⌈log2 taps⌉ more integer bits) and
 * multiplies by r_n from a table of the taps' reciprocals (src/fixed/reciprocal.ts), each exact in recip_t.
 */
export const streamPool: StreamEmitter<'pool'> = (layer, ctx) => {
  if (layer.op === 'max') return windowKernel(ctx, layer, { kernel: 'nnet::max_pool_stream', args: [], types: [], constants: [], arrays: [], headers: ['nnet_pooling_stream.h'] });
  const taps = layer.kernel.reduce((a, b) => a * b, 1);
  const sum = accumulatedType(ctx.input.fixed, taps);
  const r = Array.from({ length: taps }, (_, k) => reciprocal(k + 1));
  const frac = Math.max(...r.map((x) => x.frac));
  const recip = fixedType(frac + 1, 1, { signed: false });
  expectApTypes(ctx, 'average', [sum, fixedType(sum.width + recip.width, sum.integer + 1)]);
  const name = `recip${ctx.index}`;
  const values = Float64Array.from(r, (x) => x.mantissa * 2 ** -x.frac);
  return windowKernel(ctx, layer, {
    kernel: 'nnet::average_pool_stream',
    args: [name],
    types: [],
    constants: [{ cType: 'bool', name: 'count_pad', value: String(layer.countPad) }],
    typedefs: [{ name: `recip${ctx.index}_t`, cppType: formatFixedType(recip) }],
    configTypedefs: [
      { name: 'sum_t', cppType: formatFixedType(sum) },
      { name: 'recip_t', cppType: `recip${ctx.index}_t` },
    ],
    arrays: [
      {
        fileName: `${name}.h`,
        guard: `${name.toUpperCase()}_H_`,
        comment: `r_n = 1/n rounded once (n = 1 … ${taps}) of ${ctx.comment}`,
        cppType: `recip${ctx.index}_t`,
        name,
        size: taps,
        rows: Array.from(values, exactDecimal),
      },
    ],
    headers: ['nnet_pooling_stream.h'],
  });
};

export type WindowKind = LayerOf<'conv' | 'depthwise_conv' | 'pool'>;
