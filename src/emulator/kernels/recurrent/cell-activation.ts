import { fixedType, type FixedType } from '../../../fixed/index.ts';
import type { CellActivation, Layer, LayerBase, PrecisionVar } from '../../../ir/layers.ts';
import { tensor } from '../../../ir/tensor.ts';
import type { Counters, FixedStep, Kernel } from '../../kernel.ts';
import { hardSigmoid } from '../hard-sigmoid.ts';
import { linear } from '../linear.ts';
import { relu } from '../relu.ts';
import { sigmoid } from '../sigmoid.ts';
import { tanh } from '../tanh.ts';

/**
 * A cell activation is computed by the very kernel of the matching elementwise layer (docs/arithmetic.md,
 * "Recurrent layers"): a = Q_A(f(x)) with A the activation's type (`table` or `recurrent_table`), which is both the
 * table type and the result type of that kernel. tanh and sigmoid read the table of `tableSize` entries, hard_sigmoid
 * is the exact clip(αq·x + βq, 0, 1) with αq, βq of type `param`.
 */
type Elementwise = 'tanh' | 'sigmoid' | 'relu' | 'linear' | 'hard_sigmoid';
const KERNELS: { [K in Elementwise]: Kernel<K> } = { tanh, sigmoid, relu, linear, hard_sigmoid: hardSigmoid };

/** The elementwise layer that computes `a` on `n` elements, with output type A and param type P. */
function cellLayer(a: CellActivation, n: number, out: FixedType, param: FixedType | undefined, tableSize: number, name: string): Layer {
  const base: LayerBase = { name, inputs: [], shape: [n], precision: { result: out, table: out, param }, reuseFactor: 1, strategy: 'latency' };
  if (a.fn === 'hard_sigmoid') return { ...base, kind: 'hard_sigmoid', alpha: a.alpha, beta: a.beta };
  if (a.fn === 'tanh' || a.fn === 'sigmoid') return { ...base, kind: a.fn, tableSize };
  return { ...base, kind: a.fn };
}

export interface CellActivationSpec {
  readonly activation: CellActivation;
  readonly name: string;
  readonly tableSize: number;
  /** the type of the activation's outputs and the variable counting their overflows */
  readonly out: FixedType;
  readonly outVar: PrecisionVar;
  readonly param?: FixedType;
}

/** The fixed step of a cell activation on mantissas of type `inType`; overflows counted under outVar (and param). */
export function cellActivationStep(spec: CellActivationSpec, inType: FixedType, counters: Counters): FixedStep {
  const layer = cellLayer(spec.activation, 1, spec.out, spec.param, spec.tableSize, spec.name);
  const mapped: Counters = { stats: (v) => counters.stats(v === 'result' || v === 'table' ? spec.outVar : v) };
  const kernel = KERNELS[layer.kind as Elementwise] as Kernel<Elementwise>;
  return kernel.fixed(layer as never, [tensor([1], inType)], mapped);
}

/** The float function of a cell activation, by the same kernel's float arithmetic. */
export function cellActivationFloat(a: CellActivation): (x: Float64Array) => Float64Array {
  const layer = cellLayer(a, 1, fixedType(16, 6), undefined, 2, 'cell'); // types unused in float
  const kernel = KERNELS[layer.kind as Elementwise] as Kernel<Elementwise>;
  return (x) => kernel.float(layer as never, [x], x.length, (n) => new Float64Array(n), [[x.length]]);
}
