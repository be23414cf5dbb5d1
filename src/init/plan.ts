import { KINDS } from '../ir/kinds.ts';
import type { Graph } from '../ir/graph.ts';
import type { Layer, LayerKind, PrecisionVar } from '../ir/layers.ts';
import { LAYER_TYPE_ALIASES } from '../config/schema.ts';
import { typeForRange, typeText, unionRange, type ChoiceOptions, type ValueRange } from './choose-type.ts';
import { constantRanges } from './observe.ts';

export type Granularity = 'model' | 'type' | 'name';
export const GRANULARITIES: readonly Granularity[] = ['model', 'type', 'name'];

/** One precision variable as written: a type (or `auto`) and why. */
export interface Setting {
  readonly value: string;
  readonly why: string;
}

/** A Model, LayerType or LayerName block: its key, a comment line, its Precision entries in order. */
export interface Block {
  readonly key: string;
  readonly note?: string;
  readonly precision: readonly (readonly [PrecisionVar | 'default' | 'maximum', Setting])[];
}

export interface InitPlan {
  readonly model: Block;
  readonly layerType: readonly Block[];
  readonly layerName: readonly Block[];
}

export interface PlanInputs {
  readonly graph: Graph;
  readonly granularity: Granularity;
  /** observed output ranges per layer (float evaluation on the inputs), when inputs were given */
  readonly observed?: ReadonlyMap<string, ValueRange>;
  readonly margin: number;
  readonly targetError: number;
}

/** hls4ml's default type, the input type when no data says otherwise */
export const DEFAULT_TYPE = 'ap_fixed<16,6>';
/** caps the exact widths precision inference would grow without data */
export const AUTO_MAXIMUM = 'ap_fixed<32,16>';

/** What a variable needs, before granularity merges layers: a range to fit, `auto`, or a fixed text. */
type Need = { range: ValueRange; kind: 'result' | 'constant' } | { text: string; why: string };

const SKIPPED_KINDS: ReadonlySet<LayerKind> = new Set(['quant', 'lstm', 'gru', 'simple_rnn']);
const ACCUMULATING: ReadonlySet<LayerKind> = new Set(['dense', 'conv', 'depthwise_conv']);

/** Why a layer gets no settings of its own, or undefined. */
function skipReason(layer: Layer): string | undefined {
  if (layer.kind === 'quant') return "the model's quantizer: its type is stated by the model";
  if (SKIPPED_KINDS.has(layer.kind)) return 'recurrent layer: the defaults are kept (set state and recurrent types by hand)';
  return undefined;
}

/** Per layer, what each of its variables needs. */
function needsOf(layer: Layer, p: PlanInputs, quantized: ReadonlySet<string>): [PrecisionVar, Need][] {
  if (skipReason(layer)) return [];
  const vars = KINDS[layer.kind].precisionVars;
  const out: [PrecisionVar, Need][] = [];
  for (const [v, range] of Object.entries(constantRanges(layer)) as [PrecisionVar, ValueRange][]) {
    if (vars.includes(v) && !layer.declared?.[v]) out.push([v, { range, kind: 'constant' }]);
  }
  if (ACCUMULATING.has(layer.kind)) out.push(['accum', { text: 'auto', why: 'exact: precision inference sizes it from the input and weight types (no rounding, no overflow)' }]);
  if (KINDS[layer.kind].passThrough || quantized.has(layer.name) || layer.declared?.result) return out;
  const seen = p.observed?.get(layer.name);
  if (seen) out.push(['result', { range: seen, kind: 'result' }]);
  else if (layer.kind === 'input') out.push(['result', { text: DEFAULT_TYPE, why: "no input vectors given: hls4ml's default; pass -i to fit it to your data" }]);
  else out.push(['result', { text: 'auto', why: `exact bit growth from the input and weight types (precision inference), at most ${AUTO_MAXIMUM}` }]);
  return out;
}

/** Layers whose result a model quantizer replaces (their only reader is a `quant` layer). */
function quantizedLayers(graph: Graph): Set<string> {
  const q = new Set<string>();
  for (const l of graph.layers) if (l.kind === 'quant') for (const i of l.inputs) q.add(i);
  return q;
}

/** Several layers' needs of one variable as one setting: the union of their ranges, or their common text. */
function merge(needs: readonly Need[], p: PlanInputs): Setting | undefined {
  const ranges = needs.filter((n): n is Extract<Need, { range: ValueRange }> => 'range' in n);
  if (ranges.length === needs.length && ranges.length) {
    const constant = ranges[0].kind === 'constant';
    // round to nearest; saturate: data may exceed what it showed (constants fit exactly, rounding may reach the max)
    const modes = { quant: 'AP_RND', overflow: 'AP_SAT' } as const;
    const c = typeForRange(unionRange(ranges.map((r) => r.range)), { margin: constant ? 0 : p.margin, targetError: p.targetError, modes });
    return { value: typeText(c.type), why: `${constant ? 'values' : 'observed'} ${c.why}` };
  }
  const texts = needs.filter((n): n is Extract<Need, { text: string }> => 'text' in n);
  if (texts.length === needs.length && texts.length && texts.every((t) => t.text === texts[0].text)) return { value: texts[0].text, why: texts[0].why };
  return undefined;
}

const ORDER: readonly PrecisionVar[] = ['weight', 'bias', 'scale', 'accum', 'result'];

function block(key: string, needs: ReadonlyMap<PrecisionVar, Need[]>, p: PlanInputs, note?: string): Block {
  const precision: [PrecisionVar, Setting][] = [];
  for (const v of ORDER) {
    const s = needs.has(v) ? merge(needs.get(v)!, p) : undefined;
    if (s) precision.push([v, s]);
  }
  return { key, note, precision };
}

/** The LayerType key of a kind: hls4ml's class name when it means exactly this kind, else our kind name. */
export function layerTypeKey(kind: LayerKind): string {
  const cls = KINDS[kind].hlsClass;
  const kinds = LAYER_TYPE_ALIASES[cls];
  return kinds && kinds.length === 1 && kinds[0] === kind ? cls : kind;
}

/** The settings init writes, at the chosen granularity. */
export function planConfig(p: PlanInputs): InitPlan {
  const quantized = quantizedLayers(p.graph);
  const perLayer = p.graph.layers.map((l) => ({ layer: l, needs: needsOf(l, p, quantized) }));
  const modelDefault: [PrecisionVar | 'default' | 'maximum', Setting][] = [];
  const usesAuto = perLayer.some(({ needs }) => needs.some(([v, n]) => v === 'result' && 'text' in n && n.text === 'auto'));
  const group = (items: typeof perLayer) => {
    const m = new Map<PrecisionVar, Need[]>();
    for (const { needs } of items) for (const [v, n] of needs) (m.get(v) ?? m.set(v, []).get(v)!).push(n);
    return m;
  };
  let layerType: Block[] = [];
  let layerName: Block[] = [];
  if (p.granularity === 'name') {
    layerName = perLayer.map(({ layer, needs }) => block(layer.name, group([{ layer, needs }]), p, skipReason(layer) ?? (quantized.has(layer.name) ? 'result: the quantizer that reads it sets the type' : undefined)));
    layerName = layerName.filter((b) => b.precision.length || b.note);
  } else if (p.granularity === 'type') {
    const kinds = [...new Set(perLayer.map(({ layer }) => layer.kind))];
    layerType = kinds.map((k) => block(layerTypeKey(k), group(perLayer.filter(({ layer }) => layer.kind === k)), p)).filter((b) => b.precision.length);
  } else {
    // one type per variable for the whole model; results not fitted to data keep the default (auto would need the input typed apart)
    const all = group(perLayer);
    const results = all.get('result')?.filter((n) => 'range' in n);
    const def = results?.length ? merge(results, p)! : { value: DEFAULT_TYPE, why: "no input vectors given: hls4ml's default for every result" };
    modelDefault.push(['default', { value: def.value, why: `every result (granularity model): ${def.why}` }]);
    for (const v of ['weight', 'bias', 'scale', 'accum'] as const) {
      const s = all.has(v) ? merge(all.get(v)!, p) : undefined;
      if (s) modelDefault.push([v, s]);
    }
    return { model: { key: 'Model', precision: modelDefault }, layerType, layerName };
  }
  modelDefault.push(['default', { value: DEFAULT_TYPE, why: "hls4ml's default, for every variable not set below" }]);
  if (usesAuto) modelDefault.push(['maximum', { value: AUTO_MAXIMUM, why: 'caps the types precision inference grows (a warning names each capped layer)' }]);
  return { model: { key: 'Model', precision: modelDefault }, layerType, layerName };
}
