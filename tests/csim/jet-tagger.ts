/** The hls4ml jet tagger shape, built by hand: 16 → 64 → 32 → 32 → 5, relu, softmax. */
import type { FixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { ChainBuilder, type LayerOptions } from '../backends/hls/graph-builders.ts';

export function jetTagger(precision: FixedType, opts: { dense?: LayerOptions[]; relu?: LayerOptions[]; softmax?: LayerOptions } = {}): Graph {
  const b = new ChainBuilder('jet_tagger', 16, precision, 42);
  [64, 32, 32].forEach((n, i) => b.dense(n, opts.dense?.[i]).relu(opts.relu?.[i]));
  return b.dense(5, opts.dense?.[3]).softmax(1024, opts.softmax).build();
}
