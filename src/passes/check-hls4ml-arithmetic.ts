import { fail } from '../diagnostics/diagnostic.ts';
import { warn } from '../diagnostics/warnings.ts';
import { formatFixedType } from '../fixed/index.ts';
import type { Layer } from '../ir/layers.ts';
import type { Pass } from './pass.ts';

/** Kinds whose accumulation hls4ml writes as acc = Q_accum(acc + Q_accum(x·w)) (each product cast first). */
const PRODUCT_CAST = new Set(['dense', 'conv', 'depthwise_conv']);
/** Table activations whose hls4ml indexing (int(x·N/R) + N/2, left-edge samples) is not reproduced yet. */
const OWN_TABLES = new Set(['elu', 'selu', 'softplus', 'softsign', 'silu']);
/** Recurrent kinds: hls4ml's cells (per-product casts in their matrix products, its tables) are not reproduced yet. */
const OWN_RECURRENT = new Set(['lstm', 'gru', 'simple_rnn']);

/**
 * `Arithmetic: hls4ml` only: dense, conv and depthwise_conv accumulate as hls4ml does, each product cast to accum_t
 * before it is added (`accumulation: 'hls4ml'`, docs/arithmetic.md). What hlsforge would still compute differently
 * is refused or warned instead of differing silently: hls4ml's Resource kernel with R > 1 visits the inputs in
 * another order, observable only with an accumulator that does not wrap (refused); table activations other than
 * sigmoid and tanh keep hlsforge's tables, and recurrent layers hlsforge's gate arithmetic (warned).
 */
export const checkHls4mlArithmetic: Pass = {
  name: 'check-hls4ml-arithmetic',
  description: "Arithmetic: hls4ml: dense and convolutions cast each product to accum; refuse what hlsforge does not reproduce; warn about own tables and recurrent cells",
  run(graph, config) {
    if (config.arithmetic !== 'hls4ml') return graph;
    const layers = graph.layers.map((l): Layer => {
      const where = { file: config.file, layer: l.name, op: l.origin?.op ?? l.kind };
      if (OWN_TABLES.has(l.kind))
        warn('config-not-honoured', { ...where, key: 'Arithmetic' }, `${l.kind} keeps hlsforge's lookup table (docs/arithmetic.md); hls4ml's table indexing is not reproduced yet`, { once: true });
      if (OWN_RECURRENT.has(l.kind))
        warn('config-not-honoured', { ...where, key: 'Arithmetic' }, `${l.kind} keeps hlsforge's exact gate arithmetic (docs/arithmetic.md); hls4ml's recurrent cells are not reproduced yet`, { once: true });
      if (!PRODUCT_CAST.has(l.kind)) return l;
      const accum = l.precision.accum;
      if (accum && accum.overflow !== 'AP_WRAP' && l.strategy === 'resource' && l.reuseFactor > 1)
        throw fail('unsupported-precision', { ...where, key: 'accum' }, `accum must wrap under Arithmetic: hls4ml with Strategy: Resource and ReuseFactor ${l.reuseFactor} (hls4ml's resource kernel adds the products in another order), not ${formatFixedType(accum)}; supported: AP_WRAP, Strategy: Latency, or Arithmetic: hlsforge`);
      return { ...l, accumulation: 'hls4ml' } as Layer;
    });
    return { ...graph, layers };
  },
};
