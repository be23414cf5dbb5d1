import { fail } from '../diagnostics/diagnostic.ts';
import type { PruneSettings } from './project-config.ts';
import { expectObject, type Ctx } from './read-layer-settings.ts';
import { PRUNE_KEYS, closest } from './schema.ts';

/** `Prune: {sparsity: 0.7}` (0 ≤ s ≤ 1) or `Prune: {threshold: 0.01}` (t ≥ 0): exactly one of the two. */
export function readPrune(v: unknown, ctx: Ctx, key: string): PruneSettings {
  const obj = expectObject(v, ctx, key);
  for (const k of Object.keys(obj)) {
    if ((PRUNE_KEYS as readonly string[]).includes(k)) continue;
    const guess = closest(k, PRUNE_KEYS);
    throw fail('config-unknown-key', { file: ctx.file, key: `${key}.${k}` }, `${guess ? `did you mean '${guess}'? ` : ''}supported: ${PRUNE_KEYS.join(', ')}`);
  }
  const { sparsity, threshold } = obj;
  if ((sparsity === undefined) === (threshold === undefined))
    throw fail('config-bad-value', { file: ctx.file, key }, `must set exactly one of sparsity, threshold, not ${sparsity === undefined ? 'neither' : 'both'}`);
  if (sparsity !== undefined) {
    if (typeof sparsity !== 'number' || !(sparsity >= 0 && sparsity <= 1))
      throw fail('config-bad-value', { file: ctx.file, key: `${key}.sparsity` }, `must be a number from 0 to 1, not ${JSON.stringify(sparsity)}`);
    return { sparsity };
  }
  if (typeof threshold !== 'number' || !(threshold >= 0) || !Number.isFinite(threshold))
    throw fail('config-bad-value', { file: ctx.file, key: `${key}.threshold` }, `must be a non-negative number, not ${JSON.stringify(threshold)}`);
  return { threshold };
}
