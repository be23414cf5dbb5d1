import { ConfigReader } from '../config-reader.ts';
import type { KerasContext, LayerHandler, Produced } from '../context.ts';

/**
 * `data_format='channels_first'` (tensors [C, S…]): the IR computes channels-last, so the layer is bracketed by two
 * transposes, `<name>_to_channels_last` ([C, S…] → [S…, C]) and `<name>_to_channels_first` (back), as the ONNX
 * frontend does for NCHW; the cancel-transpose pass removes the pairs between consecutive layers, leaving one at each
 * edge of the model (which keeps its channels-first element order for inputs and outputs). A rank-1 result (a global
 * pooling without keepdims) needs no transpose back.
 */
export function channelsFirstAware(handler: LayerHandler): LayerHandler {
  return (ctx) => {
    if (ctx.cfg.raw('data_format') !== 'channels_first') return handler(ctx);
    const cfg = new ConfigReader({ ...ctx.node.config, data_format: 'channels_last' }, ctx.where);
    return channelsLastInside(ctx, ctx.input(), (last) => handler({ ...ctx, inputs: [last], input: () => last, cfg }));
  };
}

/** `f` computed channels-last on the channels-first tensor x: transposed in, and back unless `f` gives a vector. */
export function channelsLastInside(ctx: KerasContext, x: Produced, f: (last: Produced) => Produced): Produced {
  const out = f(toChannelsLast(ctx, x));
  if (out.shape.length === 1) return out;
  const n = out.shape.length;
  const perm = [n - 1, ...out.shape.slice(0, -1).map((_d, a) => a)];
  return ctx.add({ kind: 'transpose', perm, inputs: [out.layer], shape: perm.map((p) => out.shape[p]) }, { suffix: 'to_channels_first', op: 'transpose' });
}

/** [C, S…] → [S…, C]: output axis a is input axis perm[a] = a + 1, the last one axis 0. */
export function toChannelsLast(ctx: KerasContext, x: Produced): Produced {
  const perm = [...x.shape.slice(1).map((_d, a) => a + 1), 0];
  return ctx.add({ kind: 'transpose', perm, inputs: [x.layer], shape: perm.map((p) => x.shape[p]) }, { suffix: 'to_channels_last', op: 'transpose' });
}
