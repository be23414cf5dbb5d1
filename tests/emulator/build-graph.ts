import { mulberry32 } from '../../src/data/random-inputs.ts';
import { fixedType, parseFixedType, type FixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer, Precision } from '../../src/ir/layers.ts';

/** Test helper: layers with given precisions, chained in order (each layer's input is the previous one). */
export type LayerSpec = { [K in Layer['kind']]: Omit<Extract<Layer, { kind: K }>, 'inputs' | 'precision' | 'reuseFactor' | 'strategy'> } [Layer['kind']] & {
  precision?: Partial<Record<keyof Precision, string | FixedType>>;
};

export const DEFAULT = fixedType(16, 6);
const TABLE = parseFixedType('ap_fixed<18,8,AP_RND,AP_SAT>');

/** Every precision variable at the model default, tables and softmax accum at ap_fixed<18,8,AP_RND,AP_SAT>. */
export function defaultPrecision(kind: Layer['kind']): Precision {
  const tables = { table: TABLE, exp_table: TABLE, inv_table: TABLE, recurrent_table: TABLE, recurrent_weight: DEFAULT, state: DEFAULT };
  const base = { result: DEFAULT, weight: DEFAULT, bias: DEFAULT, accum: DEFAULT, scale: DEFAULT, param: DEFAULT, ...tables };
  return kind === 'softmax' ? { ...base, accum: TABLE } : base;
}

export function chain(specs: LayerSpec[], name = 'test'): Graph {
  const layers = specs.map((spec, i) => {
    const precision: Record<string, FixedType> = { ...defaultPrecision(spec.kind) };
    for (const [k, v] of Object.entries(spec.precision ?? {})) precision[k] = typeof v === 'string' ? parseFixedType(v) : v!;
    return {
      ...spec,
      inputs: i === 0 ? [] : [specs[i - 1].name],
      precision: precision as Precision,
      reuseFactor: 1,
      strategy: 'latency',
    } as Layer;
  });
  return { name, layers, outputs: [specs[specs.length - 1].name] };
}

/** Deterministic pseudo-random generator (mulberry32) so failures reproduce. */
export const rng = mulberry32;

/** n values uniform in [−scale, scale), a fraction `zeros` of them exactly 0. */
export function randomArray(random: () => number, n: number, scale: number, zeros = 0): Float64Array {
  return Float64Array.from({ length: n }, () => (random() < zeros ? 0 : (random() * 2 - 1) * scale));
}

/** Test helper: like `chain`, but each spec names its inputs (a branching graph); outputs default to the last. */
export function dag(specs: (LayerSpec & { from?: string[] })[], outputs?: string[], name = 'test'): Graph {
  const g = chain(specs, name);
  const layers = g.layers.map((l, i) => ({ ...l, inputs: specs[i].from ?? l.inputs }) as Layer);
  return { ...g, layers: layers.map((l) => { const { from: _f, ...rest } = l as Layer & { from?: string[] }; return rest as Layer; }), outputs: outputs ?? g.outputs };
}
