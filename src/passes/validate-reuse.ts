import { fail } from '../diagnostics/diagnostic.ts';
import { settingOf } from './config-levels.ts';
import type { Pass } from './pass.ts';

/**
 * Reuse factor R of a dense layer with nIn inputs. Both implementations split the inputs into R groups of
 * G = ceil(nIn / R) consecutive inputs, one group per cycle: hls/nnet/nnet_dense_resource.h (ReuseLoop over R blocks
 * of block_size = G) and src/backends/rtl/layers/dense-reuse.ts (G shared multipliers, cycle c takes inputs c·G…).
 * R is valid when every one of the R cycles has inputs: 1 ≤ R ≤ nIn and (R − 1)·G < nIn. Any other R gives the
 * same multipliers as a smaller valid R with a longer II, so it is rejected rather than silently wasted.
 * (The RTL backend derives latency R + 3 and II R from it.)
 */
export function validReuseFactors(nIn: number): number[] {
  const valid: number[] = [];
  for (let r = 1; r <= nIn; r++) if ((r - 1) * Math.ceil(nIn / r) < nIn) valid.push(r);
  return valid;
}

export const validateReuse: Pass = {
  name: 'validate-reuse',
  description: 'check each dense layer\'s reuse factor against what the HLS and RTL dense kernels support',
  run(graph, config) {
    for (const l of graph.layers) {
      if (l.kind !== 'dense') continue;
      const valid = validReuseFactors(l.nIn);
      if (valid.includes(l.reuseFactor)) continue;
      const source = settingOf(config, l, 'reuseFactor');
      const key = source ? `${source.key}.ReuseFactor` : 'HLSConfig.Model.ReuseFactor';
      throw fail(
        'bad-reuse-factor',
        { file: config.file, layer: l.name, op: l.origin?.op ?? l.kind, key },
        `must be one of ${valid.join(', ')} for ${l.nIn} inputs (every cycle must get inputs), not ${l.reuseFactor}`,
      );
    }
    return graph;
  },
};
