import type { ArrayFileView } from '../view-model.ts';
import { decimalRows } from '../cpp-literal.ts';
import type { EmitContext } from '../emit-context.ts';

/**
 * A constant `int` table under firmware/weights/ holding the geometry of a spatial layer, computed once in TypeScript
 * (src/ir/window.ts): the im2col gather of a window (position · taps + tap → input position, −1 in the padding) or the
 * source position of each output position of a data move. The kernels only follow it.
 */
export function indexTable(ctx: EmitContext, name: string, index: Int32Array, perRow: number, what: string): ArrayFileView {
  return {
    fileName: `${name}.h`,
    guard: `${name.toUpperCase()}_H_`,
    comment: `${what} of ${ctx.comment}`,
    cppType: 'int',
    name,
    size: index.length,
    rows: decimalRows(index, Math.max(1, Math.min(perRow, 32))),
  };
}

/** The spatial axes of the channels-last input [S…, C] and its channel count. */
export function spatialOf(ctx: EmitContext): { spatial: number[]; channels: number } {
  const shape = ctx.input.shape;
  return { spatial: shape.slice(0, -1), channels: shape[shape.length - 1] };
}

/** hls4ml's name suffix of a 1-D or 2-D layer kernel. */
export const rankName = (spatial: readonly number[]): string => `${spatial.length}d`;
