import type { ProjectConfig } from '../config/project-config.ts';
import { fail, type Where } from '../diagnostics/diagnostic.ts';
import { warn } from '../diagnostics/warnings.ts';
import { formatFixedType } from '../fixed/index.ts';
import { fixedType, type FixedType } from '../fixed/fixed-type.ts';
import type { Graph } from '../ir/graph.ts';
import { KINDS } from '../ir/kinds.ts';
import type { Layer, PrecisionVar, QuantLayer } from '../ir/layers.ts';
import { AP_QUANT, bipolarType, commonExponent, exactCastType, isBipolar, roundingsWithCast } from '../ir/quantizer.ts';
import type { Pass } from './pass.ts';

/** x ≥ 0 ? 0 : −1 for every x: a 1-bit signed integer, floor then saturate (max 0, min −1) */
const SIGN: FixedType = fixedType(1, 1, { quant: 'AP_TRN', overflow: 'AP_SAT' });

/**
 * Make the precision a QONNX model states exact. Runs right after apply-config:
 * 1. types the frontend recorded as `declared` (quantizers folded into weights and biases) replace the config
 *    defaults, unless `LayerName` sets that variable explicitly;
 * 2. every `quant` layer is lowered. A power-of-two scale with zero point 0 is a cast (src/ir/quantizer.ts): the
 *    producer's result type becomes the quantizer's type when the quantizer is its only consumer (its result is then
 *    a cast of its exact value: the same as casting twice only if the first cast were lossless, so this is the exact
 *    one), else a `linear` layer does the cast. A bipolar quantizer is the exact sign u = Q_SIGN(x) ∈ {−1, 0} then
 *    y = u · 2s + s (a batchnorm). Other scales or zero points become x · (1/s) + z cast to the b-bit integer type,
 *    then (q − z) · s: two batchnorms whose constants 1/s, s are quantized by the config types, so NOT lossless.
 */
export const importQonnx: Pass = {
  name: 'import-qonnx',
  description: 'apply precisions stated by QONNX quantizers; lower quant layers to exact fixed-point casts',
  run(graph, config) {
    const layers = graph.layers.map((l) => applyDeclared(l, config));
    const consumers = new Map<string, number>();
    for (const l of layers) for (const i of l.inputs) consumers.set(i, (consumers.get(i) ?? 0) + 1);
    for (const o of graph.outputs) consumers.set(o, (consumers.get(o) ?? 0) + 1);
    // result types set by a lowering or by LayerName must not be replaced by a later fusion
    const typed = new Set(layers.filter((l) => explicit(config, l.name, 'result')).map((l) => l.name));
    const alias = new Map<string, string>();
    const out: Layer[] = [];
    const fresh = uniqueNames(layers);

    /**
     * y = Q_t(x of `from`): into the producer when it is exact to do so, else a linear layer `name`. `keepLayer`: a
     * dense producer keeps its exact accumulator value as result and a linear layer casts (the fuse-batchnorm pass
     * folds a batchnorm that reads a dense into it, which would drop a cast fused into the dense).
     */
    const cast = (from: string, t: FixedType, name: string, template: QuantLayer, keepLayer = false, quantizedAs = t): string => {
      const at = out.findIndex((l) => l.name === from);
      const p = out[at];
      if (p.kind !== 'identity' && consumers.get(from) === 1 && !typed.has(from)) {
        const exact = keepLayer && p.kind === 'dense' ? p.precision.accum : undefined;
        // an exact accumulator that is still `auto` makes the result `auto` too: inference types both exactly
        const auto = exact !== undefined && !!p.autoPrecision?.vars.includes('accum');
        const fused = exact ? {} : { quantizedAs };
        out[at] = withAuto({ ...p, ...fused, precision: { ...p.precision, result: exact ?? t } } as Layer, ['result'], auto);
        typed.add(from);
        if (!exact) return from;
      }
      out.push({ ...base(template, name, [from], { result: t }), kind: 'linear', quantizedAs });
      typed.add(name);
      return name;
    };
    for (const l of layers) {
      const layer = { ...l, inputs: l.inputs.map((i) => alias.get(i) ?? i) } as Layer;
      if (layer.kind !== 'quant') out.push(layer);
      else alias.set(layer.name, lowerQuant(layer, config, { file: graph.file, layer: layer.name, op: layer.origin?.op ?? 'quant' }, out, cast, fresh));
    }
    return { ...graph, layers: out, outputs: graph.outputs.map((o) => alias.get(o) ?? o) };
  },
};

type Cast = (from: string, t: FixedType, name: string, template: QuantLayer, keepLayer?: boolean, quantizedAs?: FixedType) => string;

/** Lower one quantizer; returns the name of the layer that now holds its output. */
function lowerQuant(q: QuantLayer, config: ProjectConfig, where: Where, out: Layer[], cast: Cast, fresh: (n: string) => string): string {
  const stated = config.layerName[q.name]?.precision?.result;
  const x = q.inputs[0];
  const channels = q.shape[q.shape.length - 1];
  const perChannel = (a: Float64Array, f: (v: number, c: number) => number) => Float64Array.from({ length: channels }, (_, c) => f(a.length === 1 ? a[0] : a[c], c));
  if (isBipolar(q)) {
    if (q.zeroPoint.some((z) => z !== 0)) throw fail('unsupported-attribute', where, 'the zero point of a bipolar quantizer must be 0');
    const e = commonExponent(q.scale);
    const u = cast(x, SIGN, fresh(`${q.name}_sign`), q, true);
    // y = u · 2s + s: +s for u = 0, −s for u = −1; exact types when s = 2^e
    const exact = e === undefined ? undefined : { scale: bipolarType(e + 1), bias: bipolarType(e), result: bipolarType(e) };
    const precision = { scale: exact?.scale ?? fallback(config, 'scale'), bias: exact?.bias ?? fallback(config, 'bias'), result: stated ?? exact?.result ?? q.precision.result };
    out.push({ ...base(q, q.name, [u], precision), kind: 'batchnorm', scale: perChannel(q.scale, (s) => 2 * s), bias: perChannel(q.scale, (s) => s) });
    return q.name;
  }
  if (!AP_QUANT[q.rounding]) throw fail('unsupported-attribute', where, `rounding_mode must be one of ${roundingsWithCast()}, not ${q.rounding} (ap_fixed has no such quantization mode)`);
  if (!q.signed && q.narrow) throw fail('unsupported-attribute', where, 'narrow must be 0 for an unsigned quantizer (no ap_fixed overflow mode stops at 2^b − 2)');
  const exact = exactCastType(q);
  if ('type' in exact) return cast(x, stated ?? exact.type, q.name, q, false, exact.type);
  // not a cast: integer q = Q_int(x · (1/s) + z), then y = q · s − z · s
  const intType = exactCastType({ ...q, scale: Float64Array.of(1), zeroPoint: Float64Array.of(0) });
  if (!('type' in intType)) throw fail('unsupported-attribute', where, intType.reason);
  const intName = fresh(`${q.name}_int`);
  const affine = { scale: fallback(config, 'scale'), bias: fallback(config, 'bias') };
  const z = (c: number) => (q.zeroPoint.length === 1 ? q.zeroPoint[0] : q.zeroPoint[c]);
  out.push({ ...base(q, intName, [x], { ...affine, result: intType.type }), quantizedAs: intType.type, kind: 'batchnorm', scale: perChannel(q.scale, (s) => 1 / s), bias: perChannel(q.scale, (_s, c) => z(c)) });
  out.push({ ...base(q, q.name, [intName], { ...affine, result: stated ?? q.precision.result }), kind: 'batchnorm', scale: perChannel(q.scale, (s) => s), bias: perChannel(q.scale, (s, c) => -z(c) * s) });
  return q.name;
}

/** The fields every lowered layer takes from the quantizer it replaces. */
function base(q: QuantLayer, name: string, inputs: string[], precision: { result: FixedType } & Partial<Record<PrecisionVar, FixedType>>) {
  return { name, inputs, shape: q.shape, precision, reuseFactor: q.reuseFactor, strategy: q.strategy, origin: q.origin };
}

/**
 * Declared types of the variables the kind uses win over every configured one, as in hls4ml (a quantizer states what
 * the weights are: its values were folded on that grid). A `LayerName` type or `auto` that differs is reported once,
 * naming both types: hls4ml's config generators write their own rendering of a quantizer (e.g. `ap_int<5>` for a
 * power-of-two quantizer's exponent), which is not the type of the folded values.
 */
function applyDeclared(l: Layer, config: ProjectConfig): Layer {
  if (!l.declared) return l;
  const precision = { ...l.precision };
  const stated = KINDS[l.kind].precisionVars.filter((v) => l.declared?.[v]);
  for (const v of stated) {
    const mine = config.layerName[l.name]?.precision?.[v];
    const auto = config.layerName[l.name]?.autoPrecision?.includes(v);
    if ((mine && formatFixedType(mine) !== formatFixedType(l.declared[v]!)) || auto)
      warn('quantizer-type-kept', { file: config.file, layer: l.name, op: l.origin?.op ?? l.kind, key: `HLSConfig.LayerName.${l.name}.Precision.${v}` }, `${v} stays ${formatFixedType(l.declared[v]!)} (the quantizer's), not ${auto ? 'auto' : formatFixedType(mine!)}`, { once: true });
    precision[v] = l.declared[v]!;
  }
  return withAuto({ ...l, precision } as Layer, stated, false);
}

/** The layer with `vars` marked `auto` (for precision inference) or not. */
function withAuto(l: Layer, vars: readonly PrecisionVar[], auto: boolean): Layer {
  const others = (l.autoPrecision?.vars ?? []).filter((v) => !vars.includes(v));
  const all = auto ? [...others, ...vars] : others;
  const { autoPrecision, ...rest } = l;
  return (all.length ? { ...rest, autoPrecision: { ...autoPrecision, vars: all } } : rest) as Layer;
}

const fallback = (config: ProjectConfig, v: PrecisionVar): FixedType => config.defaults.precisionVars[v] ?? config.defaults.precision;

function uniqueNames(layers: readonly Layer[]): (wanted: string) => string {
  const taken = new Set(layers.map((l) => l.name));
  return (wanted) => {
    let name = wanted;
    for (let k = 1; taken.has(name); k++) name = `${wanted}_${k}`;
    taken.add(name);
    return name;
  };
}

/** `LayerName` sets the variable: a type, or `auto`. */
const explicit = (config: ProjectConfig, name: string, v: PrecisionVar): boolean =>
  !!(config.layerName[name]?.precision?.[v] || config.layerName[name]?.autoPrecision?.includes(v));
