import type { Layer } from '../../ir/layers.ts';
import { isRecurrent } from '../../ir/recurrent.ts';
import type { LayerSpec, OpContext } from './op-context.ts';
import type { LayerValue } from './values.ts';

const without = (shape: readonly number[], axis: number): number[] => shape.filter((_d, k) => k !== axis);
const nonUnit = (shape: readonly number[]): number[] => shape.filter((d) => d !== 1);
const sameDims = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, k) => d === b[k]);

/** `v` under `shape` (a reshape layer unless it already has it). */
function reshaped(ctx: OpContext, v: LayerValue, shape: readonly number[]): LayerValue {
  return sameDims(v.shape, shape) ? v : ctx.addLayer({ kind: 'reshape', inputs: [v.layer], shape: [...shape] }, 'Reshape', 'reshape');
}

const valueOf = (l: Layer): LayerValue => ({ kind: 'layer', layer: l.name, shape: l.shape });

/**
 * Element k along IR axis `axis` of layer `l`'s output, computed without a slicing layer (the IR has none): an axis of
 * size 1 is a reshape; a reshape that only adds or drops axes of size 1, and a transpose, pass the selection to their
 * input; a concatenation along the axis to the part holding k; a recurrent layer's sequence at its last processed step
 * (time T−1, or 0 when its outputs are realigned in time) is the same layer returning only its last state.
 * Undefined when none of these applies.
 */
function selectFrom(ctx: OpContext, l: Layer, axis: number, k: number): LayerValue | undefined {
  const target = without(l.shape, axis);
  if (l.shape[axis] === 1) return reshaped(ctx, valueOf(l), target);
  const input = (i = 0): Layer => ctx.layer(l.inputs[i]);
  switch (l.kind) {
    case 'reshape': {
      const from = input();
      if (!sameDims(nonUnit(from.shape), nonUnit(l.shape))) return undefined;
      // the selected axis is the n-th axis larger than 1 on both sides
      const n = nonUnit(l.shape.slice(0, axis)).length;
      const fromAxis = from.shape.findIndex((_d, a) => from.shape[a] !== 1 && nonUnit(from.shape.slice(0, a)).length === n);
      const sub = selectFrom(ctx, from, fromAxis, k);
      return sub && reshaped(ctx, sub, target);
    }
    case 'transpose': {
      const fromAxis = l.perm[axis];
      const sub = selectFrom(ctx, input(), fromAxis, k);
      if (!sub) return undefined;
      const perm = without(l.perm, axis).map((p) => (p > fromAxis ? p - 1 : p));
      if (perm.every((p, a) => p === a)) return sub;
      return ctx.addLayer({ kind: 'transpose', inputs: [sub.layer], shape: target, perm }, 'Transpose', 'transpose');
    }
    case 'concatenate': {
      if (l.axis !== axis) return undefined;
      let offset = 0;
      for (let i = 0; i < l.inputs.length; i++) {
        const part = input(i);
        const n = part.shape[axis];
        if (k < offset + n) return selectFrom(ctx, part, axis, k - offset);
        offset += n;
      }
      return undefined;
    }
    default: {
      if (!isRecurrent(l) || !l.returnSequences || axis !== 0) return undefined;
      if (k !== (l.reverseOutputs ? 0 : l.steps - 1)) return undefined;
      const { name: _n, precision: _p, reuseFactor: _r, strategy: _s, origin, ...rest } = l;
      const spec = { ...rest, returnSequences: false, reverseOutputs: false, shape: [l.units] } as LayerSpec;
      return ctx.addLayer(spec, origin?.op, 'last');
    }
  }
}

/** Element k (in range) along IR axis `axis` of the layer output `x`, the axis dropped; undefined when not expressible. */
export function selectAlong(ctx: OpContext, x: LayerValue, axis: number, k: number): LayerValue | undefined {
  const sub = selectFrom(ctx, ctx.layer(x.layer), axis, k);
  return sub && reshaped(ctx, sub, without(x.shape, axis));
}
