import {
  Caster,
  fracBits,
  LEGACY_EXP_RANGE,
  LEGACY_INV_RANGE,
  LEGACY_TABLE_TYPE,
  legacyExpTable,
  legacyInvTable,
  quantizeDouble,
  topBitsIndexer,
  topBitsSoftmaxPlan,
  truncIndexer,
  type FixedType,
  type ReduceTree,
} from '../../fixed/index.ts';
import type { LayerOf } from '../../ir/layers.ts';
import { castProduct } from '../exact.ts';
import { reusableBuffer, type Counters, type FixedStep } from '../kernel.ts';
import { need } from '../precision.ts';

/** hls4ml's softmax implementations (docs/arithmetic.md, "hls4ml-compatible arithmetic"), on mantissas. */
export function hls4mlSoftmax(layer: LayerOf<'softmax'>, input: FixedType, counters: Counters): FixedStep {
  const n = layer.shape[layer.shape.length - 1];
  const impl = layer.implementation;
  if (impl === 'stable' || impl === 'latency') return topBitsSoftmax(layer, input, n, impl, counters);
  if (impl === 'legacy') return legacySoftmax(layer, input, n, counters);
  if (impl === 'argmax') return argmaxSoftmax(layer, n, counters);
  throw new Error(`layer '${layer.name}' (softmax): no hls4ml implementation '${impl}'`);
}

const mantissas = (values: Float64Array, t: FixedType): Float64Array => values.map((v) => quantizeDouble(v, t));

function topBitsSoftmax(layer: LayerOf<'softmax'>, input: FixedType, n: number, impl: 'stable' | 'latency', counters: Counters): FixedStep {
  const [expType, invType, accum, result] = [need(layer, 'exp_table'), need(layer, 'inv_table'), need(layer, 'accum'), need(layer, 'result')];
  const plan = topBitsSoftmaxPlan({ impl, n, tableSize: layer.tableSize, expTableSize: layer.expTableSize, invTableSize: layer.invTableSize, input, expTable: expType, invTable: invType });
  const exps = mantissas(plan.expTable, expType);
  const invs = mantissas(plan.invTable, invType);
  const norm = new Caster(fracBits(input), plan.expIndexType, counters.stats('exp_table'));
  const expIndex = topBitsIndexer(plan.expSize, plan.expIndexType, 'exp table');
  const invIndex = topBitsIndexer(plan.invSize, plan.invIndexType, 'inverse table');
  const leaf = new Caster(fracBits(expType), accum, counters.stats('accum'));
  const add = new Caster(fracBits(accum), accum, counters.stats('accum'));
  const toInvInput = new Caster(fracBits(accum), plan.invIndexType, counters.stats('exp_table'));
  const res = new Caster(fracBits(accum) + fracBits(invType), result, counters.stats('result'));
  const e = new Float64Array(n);
  const sum = (t: ReduceTree): number => (typeof t === 'number' ? e[t] : add.cast(sum(t[0]) + sum(t[1])));
  const out = reusableBuffer();
  return {
    type: result,
    variant: impl,
    run([x]) {
      const y = out(x.length);
      for (let g = 0; g < x.length; g += n) {
        let mx = x[g];
        for (let i = 1; i < n; i++) if (x[g + i] > mx) mx = x[g + i];
        for (let i = 0; i < n; i++) {
          const idx = impl === 'stable' ? expIndex(norm.cast(mx - x[g + i])) : expIndex(x[g + i]);
          e[i] = leaf.cast(exps[idx]);
        }
        const inv = invs[invIndex(toInvInput.cast(sum(plan.tree)))];
        for (let i = 0; i < n; i++) y[g + i] = castProduct(e[i], inv, res);
      }
      return y;
    },
  };
}

function legacySoftmax(layer: LayerOf<'softmax'>, input: FixedType, n: number, counters: Counters): FixedStep {
  const size = layer.tableSize;
  const table = LEGACY_TABLE_TYPE;
  const exps = mantissas(legacyExpTable(size, table), table);
  const invs = mantissas(legacyInvTable(size, table), table);
  const expIndex = truncIndexer(size, LEGACY_EXP_RANGE, fracBits(input), size / 2);
  const invIndex = truncIndexer(size, LEGACY_INV_RANGE, fracBits(table), 0);
  const add = new Caster(fracBits(table), table, counters.stats('table'));
  const one = 2 ** fracBits(table);
  const res = new Caster(fracBits(table), need(layer, 'result'), counters.stats('result'));
  const out = reusableBuffer();
  return {
    type: res.type,
    variant: 'legacy',
    run([x]) {
      const y = out(x.length);
      for (let g = 0; g < x.length; g += n) {
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < n; j++) s = add.cast(s + (i === j ? one : exps[expIndex(x[g + j] - x[g + i])]));
          y[g + i] = res.cast(invs[invIndex(s)]);
        }
      }
      return y;
    },
  };
}

function argmaxSoftmax(layer: LayerOf<'softmax'>, n: number, counters: Counters): FixedStep {
  const result = need(layer, 'result');
  const out = reusableBuffer();
  const stats = counters.stats('result');
  return {
    type: result,
    variant: 'argmax',
    run([x]) {
      const y = out(x.length);
      y.fill(0);
      const one = quantizeDouble(1, result, stats);
      for (let g = 0; g < x.length; g += n) {
        let best = 0;
        for (let i = 1; i < n; i++) if (x[g + i] > x[g + best]) best = i;
        y[g + best] = one;
      }
      return y;
    },
  };
}
