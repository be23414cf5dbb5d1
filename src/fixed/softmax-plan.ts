import { fracBits, type FixedType } from './fixed-type.ts';
import {
  hls4mlExpTable,
  hls4mlInvTable,
  reduceTree,
  stableExpTableSize,
  stableNormType,
  topBits,
  type ReduceTree,
} from './softmax-hls4ml.ts';

/**
 * Everything the stable and latency softmax of hls4ml compute with, resolved once from the layer (docs/arithmetic.md,
 * "hls4ml-compatible arithmetic"): the emulator, the C++ emitter and the Verilog emitter all read this plan.
 */
export interface TopBitsSoftmaxPlan {
  readonly impl: 'stable' | 'latency';
  /** elements per softmax (the last axis) */
  readonly n: number;
  /** type the exp table is indexed by: inp_norm_t (stable, holding max − x) or the input type (latency) */
  readonly expIndexType: FixedType;
  /** inv_inp_t: the sum is cast to it and indexed by its top bits (hls4ml's default: exp_table_t) */
  readonly invIndexType: FixedType;
  readonly expSize: number;
  readonly invSize: number;
  readonly expBits: number;
  readonly invBits: number;
  /** exact values of exp_table_t / inv_table_t */
  readonly expTable: Float64Array;
  readonly invTable: Float64Array;
  /** the adder tree of the sum (hls4ml's reduce) */
  readonly tree: ReduceTree;
}

export interface SoftmaxSizes {
  readonly impl: 'stable' | 'latency';
  readonly n: number;
  readonly tableSize: number;
  readonly expTableSize?: number;
  readonly invTableSize?: number;
  readonly input: FixedType;
  readonly expTable: FixedType;
  readonly invTable: FixedType;
}

/** Resolve the plan; throws an Error naming the size that cannot be addressed by its index type. */
export function topBitsSoftmaxPlan(s: SoftmaxSizes): TopBitsSoftmaxPlan {
  const expIndexType = s.impl === 'stable' ? stableNormType(s.input) : s.input;
  if (s.impl === 'stable' && fracBits(expIndexType) !== fracBits(s.input)) throw new Error('inp_norm_t keeps the input grid');
  const requested = s.expTableSize ?? s.tableSize;
  const expSize = s.impl === 'stable' ? stableExpTableSize(requested, s.input) : requested;
  const invSize = s.invTableSize ?? s.tableSize;
  const invIndexType = s.expTable;
  return {
    impl: s.impl,
    n: s.n,
    expIndexType,
    invIndexType,
    expSize,
    invSize,
    expBits: topBits(expSize, expIndexType, 'exp table'),
    invBits: topBits(invSize, invIndexType, 'inverse table'),
    expTable: hls4mlExpTable(s.impl, expSize, expIndexType, s.expTable),
    invTable: hls4mlInvTable(invSize, invIndexType, s.invTable),
    tree: reduceTree(s.n),
  };
}
