import { fail } from '../diagnostics/diagnostic.ts';
import { warn } from '../diagnostics/warnings.ts';
import { formatFixedType } from '../fixed/index.ts';
import type { Pass } from './pass.ts';

/** Kinds whose accumulation hls4ml writes as acc = Q_accum(acc + Q_accum(x·w)) (each product cast first). */
const PRODUCT_CAST = new Set(['dense', 'conv', 'depthwise_conv']);
/** Table activations whose hls4ml indexing (int(x·N/R) + N/2, left-edge samples) is not reproduced yet. */
const OWN_TABLES = new Set(['elu', 'selu', 'softplus', 'softsign', 'silu']);

/**
 * `Arithmetic: hls4ml` only: refuse what hlsforge would compute differently from hls4ml instead of differing
 * silently. hls4ml casts each product to accum_t before adding it; that equals hlsforge's exact sum (one cast per
 * term) exactly when the accumulator truncates and wraps (Q(a + Q(p)) = Q(a + p) for a on the grid, mod 2^W), so
 * other accumulators are refused. Table activations other than sigmoid and tanh keep
 * hlsforge's tables, with a warning.
 */
export const checkHls4mlArithmetic: Pass = {
  name: 'check-hls4ml-arithmetic',
  description: 'Arithmetic: hls4ml: refuse accumulators whose per-product cast hlsforge does not reproduce; warn about own tables',
  run(graph, config) {
    if (config.arithmetic !== 'hls4ml') return graph;
    for (const l of graph.layers) {
      const where = { file: config.file, layer: l.name, op: l.origin?.op ?? l.kind };
      const accum = l.precision.accum;
      if (PRODUCT_CAST.has(l.kind) && accum && (accum.quant !== 'AP_TRN' || accum.overflow !== 'AP_WRAP'))
        throw fail('unsupported-precision', { ...where, key: 'accum' }, `accum must truncate and wrap under Arithmetic: hls4ml (hls4ml casts each product to accum_t first), not ${formatFixedType(accum)}; supported: AP_TRN with AP_WRAP (or Arithmetic: hlsforge)`);
      if (OWN_TABLES.has(l.kind))
        warn('config-not-honoured', { ...where, key: 'Arithmetic' }, `${l.kind} keeps hlsforge's lookup table (docs/arithmetic.md); hls4ml's table indexing is not reproduced yet`, { once: true });
    }
    return graph;
  },
};
