import { fail, type Where } from '../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../fixed/fixed-type.ts';
import type { Graph } from '../../ir/graph.ts';
import type { Layer } from '../../ir/layers.ts';
import { checkFinite } from '../check-weights.ts';
import { ConfigReader } from './config-reader.ts';
import type { KerasContext, LayerSpec, Produced, VarSpec } from './context.ts';
import { pendingKind, PENDING_LAYERS } from './layers/pending.ts';
import { LAYERS, SUPPORTED_LAYERS } from './layers/registry.ts';
import type { KerasModel, KerasNode } from './model-config.ts';
import { showShape, type WeightStore, type WeightTensor } from './tensor.ts';

export interface TranslateOptions {
  /** the model file, for diagnostics */
  readonly file: string;
  readonly defaultPrecision: FixedType;
  /** where the weights are; undefined when none was found (`missingWeights` says what was looked for) */
  readonly weights: WeightStore | undefined;
  readonly missingWeights?: string;
  readonly name?: string;
}

/** Translate a flattened Keras model into the IR: one handler per layer class (layers/registry.ts). */
export function translateKeras(model: KerasModel, opts: TranslateOptions): Graph {
  const layers: Layer[] = [];
  const produced = new Map<string, Produced>();
  const taken = new Set(model.nodes.map((n) => n.name));
  for (const node of model.nodes) {
    const where: Where = { file: opts.file, layer: node.name, op: node.className };
    const handler = Object.hasOwn(LAYERS, node.className) ? LAYERS[node.className] : undefined;
    if (!handler) {
      if (Object.hasOwn(PENDING_LAYERS, node.className)) throw pendingKind(where, `layer class '${node.className}'`, PENDING_LAYERS[node.className], SUPPORTED_LAYERS);
      throw fail('unsupported-layer', where, `the class must be one hlsforge translates, not '${node.className}'; supported: ${SUPPORTED_LAYERS}`);
    }
    const inputs = node.inbound.map((n) => {
      const p = produced.get(n);
      if (!p) throw fail('unsupported-topology', where, `input '${n}' must be produced by an earlier layer`);
      return p;
    });
    const out = handler(context(model, node, where, inputs, opts, layers, taken));
    produced.set(node.name, out);
  }
  const outputs = model.outputs.map((o) => {
    const p = produced.get(o);
    if (!p) throw fail('unsupported-topology', { file: opts.file, layer: o }, 'the model output must be a layer of the model');
    return p.layer;
  });
  return { name: opts.name ?? model.name, file: opts.file, layers, outputs: [...new Set(outputs)] };
}

function context(model: KerasModel, node: KerasNode, where: Where, inputs: Produced[], opts: TranslateOptions, layers: Layer[], taken: Set<string>): KerasContext {
  const unique = (wanted: string): string => {
    let name = wanted;
    for (let k = 1; taken.has(name); k++) name = `${wanted}_${k}`;
    taken.add(name);
    return name;
  };
  return {
    node, name: node.name, where, inputs,
    cfg: new ConfigReader(node.config, where),
    kerasMajor: model.kerasMajor,
    input: () => {
      if (inputs.length !== 1) throw fail('unsupported-topology', where, `the layer must have exactly 1 input, not ${inputs.length}`);
      return inputs[0];
    },
    weights: (vars) => readWeights(node, where, vars, opts),
    innerWeights: (vars, at) => readWeights({ ...node, path: `${node.path}/${at.subPath}`, scope: at.scope }, where, vars, opts),
    add: (spec: LayerSpec, o = {}) => {
      const name = o.suffix ? unique(`${node.name}_${o.suffix}`) : node.name;
      const layer = { ...spec, name, precision: { result: opts.defaultPrecision }, reuseFactor: 1, strategy: 'latency', origin: { file: opts.file, op: o.op ?? node.className, node: node.name } } as Layer;
      checkFinite(layer, { ...where, layer: name });
      layers.push(layer);
      return { layer: name, shape: spec.shape };
    },
  };
}

/** The layer's variables, each present and of the shape the model config implies. */
function readWeights(node: KerasNode & { scope?: string }, where: Where, vars: readonly VarSpec[], opts: TranslateOptions): WeightTensor[] {
  if (!opts.weights) throw fail('missing-weights', where, opts.missingWeights ?? 'a weights file must be given');
  const key = { name: node.name, path: node.path, scope: node.scope };
  const found = opts.weights.get(key, vars.map((v) => v.name));
  if (vars.some((v, i) => v.alias && !found[i])) {
    const other = opts.weights.get(key, vars.map((v) => v.alias ?? v.name));
    vars.forEach((_v, i) => (found[i] ??= other[i]));
  }
  return vars.map((v, i) => {
    const t = found[i];
    if (!t) throw fail('missing-weights', { ...where, file: opts.weights!.file }, `variable '${v.name}' ${showShape(v.shape)} must be in the weights file, not absent`);
    const size = v.shape.reduce((a, b) => a * b, 1);
    if (t.data.length !== size || t.shape.length !== v.shape.length || t.shape.some((d, k) => d !== v.shape[k])) {
      throw fail('shape-mismatch', { ...where, file: opts.weights!.file }, `variable '${v.name}' must have shape ${showShape(v.shape)} (from the model config), not ${showShape(t.shape)}`);
    }
    return t;
  });
}
