import { fail, type Where } from '../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../fixed/fixed-type.ts';
import type { Graph } from '../../ir/graph.ts';
import type { Layer } from '../../ir/layers.ts';
import { Attributes } from './attributes.ts';
import { checkFinite } from '../check-weights.ts';
import { graphInputLayout } from './graph-input.ts';
import { FOLDS } from './fold/index.ts';
import type { LayerSpec, OpContext, OpHandler } from './op-context.ts';
import { CHANNELS_LAST_DOMAINS, CHANNELS_LAST_OPS, NOT_YET, OPS, QONNX_OPS, SUPPORTED_CHANNELS_LAST_OPS, SUPPORTED_OPS, SUPPORTED_QONNX_OPS } from './ops/registry.ts';
import { QONNX_DOMAINS } from './qonnx.ts';
import type { GraphProto, NodeProto } from './proto.ts';
import { pruneUnreachable } from './prune.ts';
import { decodeTensor } from './tensor.ts';
import { constValue, withBatch, type LayerValue, type Value } from './values.ts';

export interface BuildOptions {
  readonly file: string;
  readonly opset: number;
  readonly defaultPrecision: FixedType;
}

/** The translation state: tensor name → value, layers in creation (topological) order, names taken. */
class GraphBuilder {
  readonly values = new Map<string, Value>();
  readonly layers: Layer[] = [];
  private readonly taken = new Set<string>();
  private readonly useCount = new Map<string, number>();

  constructor(private readonly graph: GraphProto, private readonly opts: BuildOptions) {
    const uses = [...(graph.node ?? []).flatMap((n) => n.input ?? []), ...(graph.output ?? []).map((o) => o.name ?? '')];
    for (const t of uses) this.useCount.set(t, (this.useCount.get(t) ?? 0) + 1);
  }

  uniqueName(wanted: string): string {
    let name = wanted;
    for (let k = 1; this.taken.has(name); k++) name = `${wanted}_${k}`;
    this.taken.add(name);
    return name;
  }

  uses(tensor: string): number {
    return this.useCount.get(tensor) ?? 0;
  }

  add(layer: Layer, where: Where): LayerValue {
    checkFinite(layer, where);
    this.layers.push(layer);
    return { kind: 'layer', layer: layer.name, shape: layer.shape };
  }

  complete(layer: LayerSpec, name: string, op: string, node: string): Layer {
    const { file, defaultPrecision } = this.opts;
    return { ...layer, name, precision: { result: defaultPrecision }, reuseFactor: 1, strategy: 'latency', origin: { file, op, node } } as Layer;
  }

  context(node: NodeProto, name: string): OpContext {
    const op = node.opType ?? '';
    const where: Where = { file: this.opts.file, layer: name, op };
    const inputNames = node.input ?? [];
    const input = (i: number): Value | undefined => {
      const t = inputNames[i];
      if (!t) return undefined;
      const v = this.values.get(t);
      if (!v) throw fail('unsupported-topology', where, `input '${t}' must be produced by an earlier node or be an initializer`);
      return v;
    };
    const ctx: OpContext = {
      name, op, where, opset: this.opts.opset, attrs: new Attributes(node, where), inputNames, outputNames: node.output ?? [],
      input,
      layerInputAnyBatch: (i) => {
        const v = input(i);
        if (v?.kind === 'layer') return v;
        const what = v ? 'a constant' : 'absent';
        throw fail('unsupported-topology', where, `input ${i} must be the output of a layer, not ${what}`);
      },
      layerInput: (i) => {
        const v = input(i);
        if (v?.kind !== 'layer' || !v.batchAxis) return ctx.layerInputAnyBatch(i);
        throw fail('unsupported-topology', where, `input ${i} must have the batch axis first, not ${withBatch(v)} (a time-major tensor of a recurrent op: transpose the batch axis to the front)`);
      },
      layer: (layerName) => {
        const l = this.layers.find((x) => x.name === layerName);
        if (!l) throw new Error(`no layer '${layerName}'`);
        return l;
      },
      constInput: (i, role) => {
        const v = input(i);
        if (v?.kind === 'const') return v.tensor;
        const what = v ? `the output of layer '${v.layer}'` : 'absent';
        throw fail('missing-initializer', where, `${role} must be an initializer or Constant, not ${what}`);
      },
      uses: (t) => this.uses(t),
      addLayer: (spec, reportedOp, suffix) => {
        const layerName = suffix ? this.uniqueName(`${name}_${suffix}`) : name;
        return this.add(this.complete(spec, layerName, reportedOp ?? op, name), { ...where, layer: layerName });
      },
    };
    return ctx;
  }
}

const isDefaultDomain = (domain: string | null | undefined): boolean => !domain || domain === 'ai.onnx';

function lookupHandler(node: NodeProto, where: Where): OpHandler {
  const op = node.opType ?? '';
  if (isDefaultDomain(node.domain) && Object.hasOwn(OPS, op)) return OPS[op];
  if (CHANNELS_LAST_DOMAINS.includes(node.domain ?? '')) {
    if (Object.hasOwn(CHANNELS_LAST_OPS, op)) return CHANNELS_LAST_OPS[op];
    throw fail('unsupported-op', where, `supported in QONNX domain '${node.domain}': ${SUPPORTED_CHANNELS_LAST_OPS}`);
  }
  if (Object.hasOwn(NOT_YET, op) && !QONNX_DOMAINS.includes(node.domain ?? '')) {
    throw fail('unsupported-op', where, `${op} is not yet supported (needs ${NOT_YET[op]}); supported: ${SUPPORTED_OPS}`);
  }
  if (QONNX_DOMAINS.includes(node.domain ?? '')) {
    if (Object.hasOwn(QONNX_OPS, op)) return QONNX_OPS[op];
    throw fail('unsupported-op', where, `supported in QONNX domain '${node.domain}': ${SUPPORTED_QONNX_OPS}`);
  }
  const domain = isDefaultDomain(node.domain) ? '' : `ops of domain '${node.domain}' are not supported; `;
  throw fail('unsupported-op', where, `${domain}supported: ${SUPPORTED_OPS}`);
}

/**
 * The node's outputs: folded by the constant evaluator when every input is a constant (shape subgraphs, transposed or
 * scaled weights), else translated by the op's handler.
 */
function translate(node: NodeProto, ctx: OpContext, where: Where): readonly (Value | undefined)[] {
  const ins = (node.input ?? []).map((_t, i) => ctx.input(i));
  const fold = isDefaultDomain(node.domain) && Object.hasOwn(FOLDS, ctx.op) ? FOLDS[ctx.op] : undefined;
  if (fold && ins.some((v) => v) && ins.every((v) => v === undefined || v.kind === 'const')) {
    return [constValue(fold(ins.map((v) => (v?.kind === 'const' ? v.tensor : undefined)), ctx))];
  }
  const result = lookupHandler(node, where)(ctx);
  return Array.isArray(result) ? result : [result as Value];
}

/** Each graph input that is not an initializer becomes an input layer, in the order the graph lists them. */
function addInputs(graph: GraphProto, b: GraphBuilder, file: string): void {
  const inputs = (graph.input ?? []).filter((vi) => !b.values.has(vi.name ?? ''));
  if (inputs.length === 0) throw fail('unsupported-topology', { file }, 'the model must have at least 1 input that is not an initializer, not 0');
  for (const input of inputs) {
    const inputName = b.uniqueName(input.name || 'input');
    const inputWhere = { file, layer: inputName, op: 'input' };
    const { shape, batchAxis } = graphInputLayout(input, inputWhere);
    const inputSpec: LayerSpec = { kind: 'input', inputs: [], shape };
    const value = b.add(b.complete(inputSpec, inputName, 'input', input.name ?? ''), inputWhere);
    b.values.set(input.name ?? '', batchAxis ? { ...value, batchAxis } : value);
  }
}

/** Translate a decoded ONNX graph into the IR (layers in topological order, unreachable ones removed). */
export function buildGraph(graph: GraphProto, name: string, opts: BuildOptions): Graph {
  const { file } = opts;
  const b = new GraphBuilder(graph, opts);
  for (const t of graph.initializer ?? []) b.values.set(t.name ?? '', constValue(decodeTensor(t, { file })));
  addInputs(graph, b, file);

  (graph.node ?? []).forEach((node, index) => {
    const op = node.opType ?? '';
    const layerName = b.uniqueName(node.name || `${op}_${index}`);
    const outs = translate(node, b.context(node, layerName), { file, layer: layerName, op });
    (node.output ?? []).forEach((t, i) => {
      const v = outs[i];
      if (t && v) b.values.set(t, v);
    });
  });

  const outputs = (graph.output ?? []).map((o) => {
    const v = b.values.get(o.name ?? '');
    if (v?.kind !== 'layer') {
      throw fail('unsupported-topology', { file }, `output '${o.name}' must be computed from the input, not ${v ? 'a constant' : 'undefined'}`);
    }
    return v.layer;
  });
  return { name, file, layers: pruneUnreachable(b.layers, outputs), outputs: [...new Set(outputs)] };
}
