import { fail } from '../../../diagnostics/diagnostic.ts';
import type { MergeOp } from '../../../ir/layers.ts';
import { ConfigReader } from '../config-reader.ts';
import type { LayerHandler } from '../context.ts';
import { recurrent, RECURRENT_CLASSES, type RecurrentClass } from './recurrent.ts';

const MERGES: Readonly<Record<string, MergeOp | 'concat'>> = { concat: 'concat', sum: 'add', mul: 'multiply', ave: 'average' };

/**
 * Bidirectional(LSTM | GRU | SimpleRNN): a forward layer `<name>_forward` and a go_backwards layer `<name>_backward`
 * (its sequence realigned with the input's time steps, as Keras reverses it back), merged under the layer's name:
 * concat → concatenate on the last axis (forward first), sum / mul / ave → the element-wise merge.
 */
export const Bidirectional: LayerHandler = (ctx) => {
  const x = ctx.input();
  const inner = ctx.cfg.raw('layer') as { class_name?: string; config?: Record<string, unknown> } | undefined;
  const cls = String(inner?.class_name ?? '');
  const quantized = cls.startsWith('Q');
  const base = quantized ? cls.slice(1) : cls;
  if (!RECURRENT_CLASSES.includes(base)) throw fail('unsupported-layer', ctx.where, `the wrapped layer must be a recurrent layer, not '${cls}'; supported: ${RECURRENT_CLASSES.join(', ')}`);
  const mode = ctx.cfg.raw('merge_mode') === undefined ? 'concat' : String(ctx.cfg.raw('merge_mode')); // null: two outputs, not merged
  if (!Object.hasOwn(MERGES, mode)) throw fail('unsupported-attribute', ctx.where, `merge_mode must be one of ${Object.keys(MERGES).join(', ')}, not ${JSON.stringify(ctx.cfg.raw('merge_mode'))}`);
  const cfg = new ConfigReader(inner?.config ?? {}, ctx.where);
  const backwardCfg = ctx.cfg.raw('backward_layer') as { config?: Record<string, unknown> } | undefined;
  const forward = recurrent(ctx, base as RecurrentClass, x, { cfg, quantized, half: 'forward', subPath: 'forward_layer/cell', scope: 'forward' });
  // Keras builds the backward half from the same config with go_backwards flipped (or from backward_layer, which states it)
  const bcfg = backwardCfg?.config ? new ConfigReader({ ...backwardCfg.config, go_backwards: !backwardCfg.config.go_backwards }, ctx.where) : cfg;
  const backward = recurrent(ctx, base as RecurrentClass, x, { cfg: bcfg, quantized, half: 'backward', subPath: 'backward_layer/cell', scope: 'backward' });
  const op = MERGES[mode];
  const inputs = [forward.layer, backward.layer];
  if (op === 'concat') {
    const shape = [...forward.shape.slice(0, -1), forward.shape[forward.shape.length - 1] * 2];
    return ctx.add({ kind: 'concatenate', inputs, shape, axis: shape.length - 1 });
  }
  return ctx.add({ kind: 'merge', inputs, shape: forward.shape, op });
};
