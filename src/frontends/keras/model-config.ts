import { fail } from '../../diagnostics/diagnostic.ts';

export type Json = Record<string, unknown>;

/** One Keras layer call, flattened out of (possibly nested) Sequential and Functional models. */
export interface KerasNode {
  readonly className: string;
  readonly name: string;
  readonly config: Json;
  /** names of the nodes producing its inputs, in order */
  readonly inbound: readonly string[];
  /** Keras 3 saving path of its variables (`layers/dense_1`) */
  readonly path: string;
}

export interface KerasModel {
  readonly name: string;
  /** Keras major version that wrote the file (2 or 3): activations such as hard_sigmoid changed between them */
  readonly kerasMajor: number;
  readonly nodes: readonly KerasNode[];
  readonly outputs: readonly string[];
}

const MODEL_CLASSES = ['Sequential', 'Model', 'Functional'];

/**
 * Flatten a Keras model config (`{class_name, config}` as in model.to_json(), Keras 2 or 3) into layer calls in
 * topological order. A nested model becomes its layers: its inputs are wired to the outer producers and its name
 * stands for its output.
 */
export function readModelConfig(doc: unknown, file: string): KerasModel {
  const root = asObject(doc, file, 'the model JSON');
  const nodes: KerasNode[] = [];
  const alias = new Map<string, string>();
  const outputs = flatten(root, { file, nodes, alias, prefix: '', counters: new Map() }, undefined);
  return { name: String((root.config as Json | undefined)?.name ?? 'model'), kerasMajor: kerasMajor(root), nodes, outputs };
}

/** `keras_version` when the file states it; else Keras 3's layer objects carry a `module` field, Keras 2's do not. */
function kerasMajor(root: Json): number {
  const v = root.keras_version;
  if (typeof v === 'string' && /^\d+/.test(v)) return Number(/^\d+/.exec(v)![0]);
  return 'module' in root ? 3 : 2;
}

interface State {
  readonly file: string;
  readonly nodes: KerasNode[];
  readonly alias: Map<string, string>;
  /** Keras 3 saving path prefix of this model's layers */
  readonly prefix: string;
  readonly counters: Map<string, number>;
}

/** Add the model's layers; `wiredInputs` replaces its input layers when it is nested. Returns its output names. */
function flatten(model: Json, st: State, wiredInputs: readonly string[] | undefined): string[] {
  const className = String(model.class_name ?? '');
  if (!MODEL_CLASSES.includes(className)) throw fail('keras-parse', { file: st.file }, `the top-level class_name must be one of ${MODEL_CLASSES.join(', ')}, not '${className}'`);
  // Keras ≤ 2.1 wrote a Sequential model's config as the bare list of its layers
  const config = Array.isArray(model.config) && className === 'Sequential' ? { layers: model.config } : asObject(model.config, st.file, `the config of ${className}`);
  const layers = config.layers;
  if (!Array.isArray(layers) || layers.length === 0) throw fail('keras-parse', { file: st.file }, `the model must list its layers in config.layers, not ${JSON.stringify(layers)?.slice(0, 40)}`);
  return className === 'Sequential' ? sequential(layers as Json[], st, wiredInputs) : functional(config, layers as Json[], st, wiredInputs);
}

function sequential(layers: Json[], st: State, wiredInputs: readonly string[] | undefined): string[] {
  let previous: string[] = [];
  layers.forEach((layer, i) => {
    const cls = String(layer.class_name);
    const cfg = (layer.config ?? {}) as Json;
    if (i === 0 && cls !== 'InputLayer') {
      // Keras 2 Sequential models without an InputLayer: the first layer states the input shape
      const shape = cfg.batch_input_shape ?? cfg.batch_shape ?? (cfg.build_config as Json | undefined)?.input_shape;
      const name = `${String(cfg.name ?? cls)}_input`;
      previous = [input(st, name, shape, wiredInputs?.[0])];
    }
    previous = [add(st, layer, previous, wiredInputs?.[0])];
  });
  return previous;
}

function functional(config: Json, layers: Json[], st: State, wiredInputs: readonly string[] | undefined): string[] {
  const inputNames = refs(config.input_layers, st.file);
  for (const layer of layers) {
    const cls = String(layer.class_name);
    const name = String(layer.name ?? (layer.config as Json)?.name);
    const wired = cls === 'InputLayer' && wiredInputs ? wiredInputs[inputNames.indexOf(name)] : undefined;
    add(st, layer, inbound(layer, st.file, name).map((n) => st.alias.get(n) ?? n), wired);
  }
  return refs(config.output_layers, st.file).map((n) => st.alias.get(n) ?? n);
}

/** Add one layer (or a nested model); returns the name standing for its output. */
function add(st: State, layer: Json, inputs: string[], wired: string | undefined): string {
  const className = String(layer.class_name);
  const config = (layer.config ?? {}) as Json;
  const name = String(config.name ?? layer.name);
  const path = keras3Path(st, className);
  if (MODEL_CLASSES.includes(className)) {
    const outs = flatten(layer, { ...st, prefix: `${path}/` }, inputs);
    if (outs.length !== 1) throw fail('unsupported-topology', { file: st.file, layer: name, op: className }, `a nested model must have 1 output, not ${outs.length}`);
    st.alias.set(name, outs[0]);
    return outs[0];
  }
  if (className === 'InputLayer' && wired !== undefined) {
    st.alias.set(name, wired);
    return wired;
  }
  st.nodes.push({ className, name, config, inbound: className === 'InputLayer' ? [] : inputs, path });
  return name;
}

function input(st: State, name: string, shape: unknown, wired: string | undefined): string {
  if (wired !== undefined) return wired;
  st.nodes.push({ className: 'InputLayer', name, config: { name, batch_input_shape: shape }, inbound: [], path: keras3Path(st, 'InputLayer') });
  return name;
}

/** Keras 3 names each layer's weights group after its class in snake case, numbered per class within the model. */
function keras3Path(st: State, className: string): string {
  const base = className.replace(/\W+/g, '').replace(/(.)([A-Z][a-z]+)/g, '$1_$2').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  const key = `${st.prefix}${base}`;
  const k = st.counters.get(key);
  st.counters.set(key, k === undefined ? 0 : k + 1);
  return `${st.prefix}layers/${k === undefined ? base : `${base}_${k + 1}`}`;
}

/** `[[name, node, tensor], …]` (or one such triple) → names. */
function refs(v: unknown, file: string): string[] {
  if (!Array.isArray(v)) throw fail('keras-parse', { file }, `input_layers/output_layers must be lists of [layer, node, tensor], not ${JSON.stringify(v)}`);
  if (v.length && !Array.isArray(v[0])) return [String(v[0])];
  return v.map((r) => String((r as unknown[])[0]));
}

/** The producers of a functional layer's (single) call: Keras 2 `[[[name, 0, 0, {}], …]]` or Keras 3 `[{args: […]}]`. */
function inbound(layer: Json, file: string, name: string): string[] {
  const nodes = (layer.inbound_nodes ?? []) as unknown[];
  if (nodes.length === 0) return [];
  if (nodes.length > 1) throw fail('unsupported-topology', { file, layer: name, op: String(layer.class_name) }, `a layer must be called once, not ${nodes.length} times (shared layers are not supported)`);
  const call = nodes[0];
  if (Array.isArray(call)) return call.map((r) => String((r as unknown[])[0]));
  const history: string[] = [];
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object') {
      const o = x as Json;
      const h = (o.config as Json | undefined)?.keras_history;
      if (o.class_name === '__keras_tensor__' && Array.isArray(h)) history.push(String(h[0]));
    }
  };
  visit((call as Json).args);
  return history;
}

export function asObject(v: unknown, file: string, what: string): Json {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw fail('keras-parse', { file }, `${what} must be a JSON object, not ${JSON.stringify(v)?.slice(0, 40)}`);
  return v as Json;
}
