import type { OpContext } from './op-context.ts';
import type { LayerValue } from './values.ts';

/**
 * Apply a per-channel layer (batchnorm: the IR's channel axis is the last one) along axis k of x: directly when k is
 * the last axis, else between two transposes that bring k last and back (an NCHW tensor's channel axis 0, say; the
 * layer may change the other axes' extents, as a convolution does). The
 * cancel-transpose pass removes such pairs where consecutive per-channel layers meet.
 */
export function onAxis(ctx: OpContext, x: LayerValue, k: number, build: (input: LayerValue) => LayerValue): LayerValue {
  const last = x.shape.length - 1;
  if (k === last) return build(x);
  const perm = [...x.shape.keys()].filter((a) => a !== k).concat(k);
  const back = perm.map((_p, a) => perm.indexOf(a));
  const moved = ctx.addLayer({ kind: 'transpose', inputs: [x.layer], shape: perm.map((p) => x.shape[p]), perm }, 'Transpose', 'to_channels_last');
  const y = build(moved);
  return ctx.addLayer({ kind: 'transpose', inputs: [y.layer], shape: back.map((p) => y.shape[p]), perm: back }, 'Transpose', 'from_channels_last');
}
