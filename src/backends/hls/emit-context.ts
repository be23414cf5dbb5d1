import type { FixedType } from '../../fixed/fixed-type.ts';
import type { Layer, LayerKind, LayerOf, PrecisionVar, ProductAccumulation } from '../../ir/layers.ts';
import { accumulation } from '../../fixed/accumulation.ts';
import { fail } from '../../diagnostics/diagnostic.ts';
import type { ArrayFileView, CallView, ConstantView, LocalView, TypedefView } from './view-model.ts';
import { decimalRows } from './cpp-literal.ts';

/** A layer's array variable in the top function and its element type. */
export interface Port {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  /** the tensor's shape (no batch axis) */
  readonly shape: readonly number[];
  readonly fixed: FixedType;
}

/** What an emitter knows about the layer it emits: its number, its ports and its types. */
export interface EmitContext {
  readonly index: number;
  readonly layer: Layer;
  /** sanitized one-line description, for comments */
  readonly comment: string;
  /** the first input (single-input kinds read only this one) */
  readonly input: Port;
  /** every input, in the order of `layer.inputs` */
  readonly inputs: readonly Port[];
  readonly output: Port;
  /** `weight2_t` for 'weight' of layer 2; declared in defines.h when the emission lists the variable in `types` */
  typeName(v: PrecisionVar): string;
  precision(v: PrecisionVar): FixedType;
}

/** A layer computed by kernels of hls/nnet: one call `kernel<input_t, output_t, configN>(args)`, or explicit calls. */
export type KernelEmission = KernelBase & (SingleCall | ExplicitCalls);

export interface SingleCall {
  /** `nnet::dense` */
  readonly kernel: string;
  readonly args: readonly string[];
}

/** Multi-input kinds: each call with its full template arguments, and the local arrays they share. */
export interface ExplicitCalls {
  readonly calls: readonly CallView[];
  readonly locals: readonly LocalView[];
}

export interface KernelBase {
  readonly kind: 'kernel';
  /** precision variables besides `result` that get a typedef and a `<var>_t` member of the config struct */
  readonly types: readonly PrecisionVar[];
  /** config struct constants after `n_in` */
  readonly constants: readonly ConstantView[];
  /** config struct typedefs that are not precision variables (e.g. clip's `bound_t`) */
  readonly configTypedefs?: readonly TypedefView[];
  readonly arrays: readonly ArrayFileView[];
}

/** A layer with no computation: its output is its input's array (identity, reshape) or an input port of the top function (input). */
export interface AliasEmission {
  readonly kind: 'alias';
}

export type LayerEmission = KernelEmission | AliasEmission;
export type LayerEmitter<K extends LayerKind> = (layer: LayerOf<K>, ctx: EmitContext) => LayerEmission;

export const unsignedConstant = (name: string, value: number): ConstantView => ({ cType: 'unsigned', name, value: String(value) });

/** `cast_products` of a dense product's config (nnet_common.h `mac`): true where hls4ml's per-product cast differs. */
export const castProductsConstant = (layer: ProductAccumulation, ctx: EmitContext): ConstantView => ({
  cType: 'bool',
  name: 'cast_products',
  value: String(accumulation(ctx.precision('accum'), layer.accumulation === 'hls4ml').castProducts),
});

/** A constant array header `firmware/weights/<name>.h` holding exact quantized values. */
export function arrayFile(ctx: EmitContext, name: string, v: PrecisionVar, values: Float64Array, what: string): ArrayFileView {
  return {
    fileName: `${name}.h`,
    guard: `${name.toUpperCase()}_H_`,
    comment: `${what} of ${ctx.comment}`,
    cppType: ctx.typeName(v),
    name,
    size: values.length,
    rows: decimalRows(values, 8),
  };
}

/** log2 of a table size that must be a power of two. */
export function exactLog2(n: number, ctx: EmitContext, what: string): number {
  const bits = Math.log2(n);
  if (!Number.isInteger(bits) || bits < 1 || bits > 24)
    throw fail('config-bad-value', { layer: ctx.layer.name, op: ctx.layer.kind, key: 'TableSize' }, `${what} must be a power of two between 2 and 2^24, not ${n}`);
  return bits;
}

export function expectInputSize(ctx: EmitContext, expected: number): void {
  if (ctx.input.size !== expected)
    throw fail('shape-mismatch', { layer: ctx.layer.name, op: ctx.layer.kind }, `input size must be ${expected}, not ${ctx.input.size}`);
}
