import type { LayerEmitter } from '../emit-context.ts';

/** relu and linear: no parameters besides the result type. */
export const emitRelu: LayerEmitter<'relu'> = (_layer, ctx) => ({
  kind: 'kernel',
  types: [],
  constants: [],
  kernel: 'nnet::relu',
  args: [ctx.input.name, ctx.output.name],
  arrays: [],
});

export const emitAbs: LayerEmitter<'abs'> = (_layer, ctx) => ({
  kind: 'kernel',
  types: [],
  constants: [],
  kernel: 'nnet::abs',
  args: [ctx.input.name, ctx.output.name],
  arrays: [],
});

export const emitLinear: LayerEmitter<'linear'> = (_layer, ctx) => ({
  kind: 'kernel',
  types: [],
  constants: [],
  kernel: 'nnet::linear',
  args: [ctx.input.name, ctx.output.name],
  arrays: [],
});

/** Identity (and the input layer) compute nothing: consumers read the producer's array. */
export const emitIdentity: LayerEmitter<'identity'> = () => ({ kind: 'alias' });
export const emitInput: LayerEmitter<'input'> = () => ({ kind: 'alias' });
