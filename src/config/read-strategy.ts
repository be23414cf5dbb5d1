import { fail } from '../diagnostics/diagnostic.ts';
import type { Strategy } from '../ir/layers.ts';
import { SOFTMAX_IMPLEMENTATIONS, type SoftmaxImplementation } from '../fixed/softmax-hls4ml.ts';
import type { Ctx } from './read-layer-settings.ts';

/**
 * hls4ml `Strategy` values, case-insensitive → what hlsforge builds. `undefined`: the value sets no strategy (the
 * level below applies). `note`: why a value is accepted without being honoured as written.
 */
const STRATEGIES: Record<string, { strategy?: Strategy; note?: string }> = {
  latency: { strategy: 'latency' },
  resource: { strategy: 'resource' },
  // hls4ml ≤ 0.6 chose the softmax implementation through Strategy; hlsforge's softmax is the stable one
  stable: {},
  unrolled: { strategy: 'resource', note: 'the Unrolled strategy is not implemented; the Resource strategy is built' },
  resource_unrolled: { strategy: 'resource', note: 'the Unrolled strategy is not implemented; the Resource strategy is built' },
  distributed_arithmetic: { strategy: 'latency', note: 'distributed arithmetic is not implemented; the Latency strategy is built' },
  da: { strategy: 'latency', note: 'distributed arithmetic is not implemented; the Latency strategy is built' },
  argmax: { note: 'the argmax softmax is not implemented; softmax is the stable implementation' },
  legacy: { note: 'the legacy softmax is not implemented; softmax is the stable implementation' },
};

const SUPPORTED = 'Latency, Resource (also accepted: Stable, Unrolled, resource_unrolled, distributed_arithmetic, da, Argmax, Legacy)';

export function readStrategy(v: unknown, ctx: Ctx, key: string): Strategy | undefined {
  const entry = typeof v === 'string' ? STRATEGIES[v.trim().toLowerCase()] : undefined;
  if (!entry) throw fail('config-bad-value', { file: ctx.file, key }, `must be Latency or Resource, not ${JSON.stringify(v)}; supported: ${SUPPORTED}`);
  if (entry.note) ctx.notes?.notHonoured(key, `Strategy: ${String(v).trim()}`, entry.note);
  return entry.strategy;
}

/**
 * hls4ml `Implementation` values: of the softmax (each computed as hls4ml does, docs/arithmetic.md; `hlsforge` is
 * hlsforge's own), and of oneAPI convolutions (not honoured).
 */
const CONV_IMPLEMENTATIONS = ['im2col', 'winograd', 'combination'];

export function readImplementation(v: unknown, ctx: Ctx, key: string): SoftmaxImplementation | undefined {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
  const softmax = SOFTMAX_IMPLEMENTATIONS.find((i) => i === s);
  if (softmax) return softmax;
  if (!s || !CONV_IMPLEMENTATIONS.includes(s))
    throw fail('config-bad-value', { file: ctx.file, key }, `must be a softmax implementation, not ${JSON.stringify(v)}; supported: ${SOFTMAX_IMPLEMENTATIONS.join(', ')} (also accepted: oneAPI's im2col, Winograd, combination)`);
  ctx.notes?.notHonoured(key, `Implementation: ${s}`, 'convolutions always use the line-buffer (io_stream) or the unrolled im2col (io_parallel) implementation');
  return undefined;
}
