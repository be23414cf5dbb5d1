import { fail } from '../../../diagnostics/diagnostic.ts';
import { unsignedConstant, type EmitContext } from '../emit-context.ts';
import { axes2d, spatial2d } from './packing.ts';
import { cropIterations, padIterations, upsampleIterations } from './spatial-stream.ts';
import type { KernelStream, StreamEmitter } from './stream-emission.ts';

/** The data moves of hls/nnet/nnet_padding_stream.h: the type passes through, one pack type on both sides. */
function move(ctx: EmitContext, kernel: string, constants: KernelStream['constants'], iterations: KernelStream['iterations'], note: string): KernelStream {
  const channels = ctx.input.shape[ctx.input.shape.length - 1];
  const [inH, inW] = spatial2d(ctx.input.shape);
  return {
    kind: 'kernel',
    kernel,
    templateArgs: 'in',
    args: [],
    types: [],
    constants: [unsignedConstant('in_height', inH), unsignedConstant('in_width', inW), unsignedConstant('n_chan', channels), ...constants],
    arrays: [],
    headers: ['nnet_padding_stream.h'],
    iterations,
    note,
  };
}

function amounts(begin: readonly number[], end: readonly number[]) {
  const [top, left] = axes2d(begin, 0);
  const [bottom, right] = axes2d(end, 0);
  return {
    cut: { top, bottom, left, right },
    constants: [unsignedConstant('pad_top', top), unsignedConstant('pad_bottom', bottom), unsignedConstant('pad_left', left), unsignedConstant('pad_right', right)],
  };
}

/** The stream kernels walk one or two spatial axes (rows, then pixels of a row). */
function expectSpatialAxes(ctx: EmitContext): void {
  const r = ctx.input.shape.length - 1;
  if (r < 1 || r > 2)
    throw fail('unsupported-attribute', { layer: ctx.layer.name, op: ctx.layer.origin?.op ?? ctx.layer.kind }, `the input must have 1 or 2 spatial axes in io_stream, not ${r} ([${ctx.input.shape}]); supported: [length, channels], [height, width, channels]`);
}

export const streamPad: StreamEmitter<'pad'> = (layer, ctx) => {
  expectSpatialAxes(ctx);
  const [inH, inW] = spatial2d(ctx.input.shape);
  const [outH, outW] = spatial2d(layer.shape);
  const { cut, constants } = amounts(layer.padBegin, layer.padEnd);
  return move(ctx, 'nnet::zeropad_stream', constants, padIterations(inH, inW, cut.top, cut.left, outH, outW), `${outH}×${outW} pixels out, zeros around the input`);
};

export const streamCrop: StreamEmitter<'crop'> = (layer, ctx) => {
  expectSpatialAxes(ctx);
  const [inH, inW] = spatial2d(ctx.input.shape);
  const { cut, constants } = amounts(layer.cropBegin, layer.cropEnd);
  return move(ctx, 'nnet::crop_stream', constants, cropIterations(inH, inW, cut), `${inH}×${inW} pixels in, the border dropped`);
};

export const streamUpsample: StreamEmitter<'upsample'> = (layer, ctx) => {
  expectSpatialAxes(ctx);
  const [inH, inW] = spatial2d(ctx.input.shape);
  const [fy, fx] = axes2d(layer.factors, 1);
  return move(
    ctx,
    'nnet::upsample_stream',
    [unsignedConstant('factor_h', fy), unsignedConstant('factor_w', fx)],
    upsampleIterations(inH, inW, fy, fx),
    `each pixel repeated ${fy}×${fx}, a buffer of one input row`,
  );
};
