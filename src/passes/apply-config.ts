import type { LayerSettings, ProjectConfig } from '../config/project-config.ts';
import type { FixedType } from '../fixed/fixed-type.ts';
import { defaultSoftmaxAccum, parseFixedType } from '../fixed/index.ts';
import { KINDS } from '../ir/kinds.ts';
import type { Layer, Precision, PrecisionVar } from '../ir/layers.ts';
import { checkLayerNames, layerTypeSettings, levelsOf, type ConfigLevel } from './config-levels.ts';
import type { Pass } from './pass.ts';

/** Lookup tables and the softmax sum default to a wider rounding, saturating type (as hls4ml does). */
export const TABLE_DEFAULT: FixedType = parseFixedType('ap_fixed<18,8,AP_RND,AP_SAT>');
const TABLE_VARS: readonly PrecisionVar[] = ['table', 'exp_table', 'inv_table', 'recurrent_table'];

/**
 * Apply `HLSConfig` to every layer: precision of each variable the kind uses, reuse factor, strategy, table size.
 * Precedence: built-in default < Model < LayerType < LayerName.
 */
export const applyConfig: Pass = {
  name: 'apply-config',
  description: 'set precisions, reuse factors, strategies and table sizes from HLSConfig (Model < LayerType < LayerName)',
  run(graph, config) {
    layerTypeSettings(config);
    checkLayerNames(graph, config);
    return { ...graph, layers: graph.layers.map((l) => configure(l, config, levelsOf(config, l))) };
  },
};

function configure(layer: Layer, config: ProjectConfig, levels: ConfigLevel[]): Layer {
  const d = config.defaults;
  const overrides = levels.map((l) => l.settings);
  const precision: Partial<Record<PrecisionVar, FixedType>> = {};
  const auto: PrecisionVar[] = [];
  for (const v of KINDS[layer.kind].precisionVars) {
    const tableLike = TABLE_VARS.includes(v) || (layer.kind === 'softmax' && v === 'accum');
    precision[v] = d.precisionVars[v] ?? (tableLike ? TABLE_DEFAULT : d.precision);
    // an explicit type and `auto` at the same variable: the higher level wins; the type stays as auto's placeholder
    let isAuto = false;
    for (const o of overrides) {
      if (o.precision?.[v]) (precision[v] = o.precision[v]), (isAuto = false);
      if (o.autoPrecision?.includes(v)) isAuto = true;
    }
    if (isAuto && layer.kind !== 'input') auto.push(v);
  }
  const pick = <K extends keyof LayerSettings>(k: K, fallback: NonNullable<LayerSettings[K]>): NonNullable<LayerSettings[K]> =>
    (overrides.reduce<LayerSettings[K] | undefined>((acc, o) => o?.[k] ?? acc, undefined) ?? fallback) as NonNullable<LayerSettings[K]>;
  const maximum = [...levels].reverse().find((l) => l.settings.precisionMaximum);
  const { autoPrecision: _stale, ...rest } = layer;
  const implementation = layer.kind === 'softmax' ? pick('implementation', config.arithmetic === 'hls4ml' ? 'stable' : 'hlsforge') : undefined;
  if (implementation === 'stable' || implementation === 'latency') {
    // hls4ml's default accum_t of its softmax: exp_table_t with ceil(log2 n) more integer bits, unless one is configured
    const explicit = d.precisionVars.accum !== undefined || overrides.some((o) => o.precision?.accum !== undefined);
    if (!explicit && precision.exp_table) precision.accum = defaultSoftmaxAccum(precision.exp_table, layer.shape[layer.shape.length - 1]);
  }
  const configured = {
    ...rest,
    precision: precision as Precision,
    reuseFactor: pick('reuseFactor', d.reuseFactor),
    strategy: pick('strategy', d.strategy),
    ...(auto.length ? { autoPrecision: { vars: auto, maximum: maximum?.settings.precisionMaximum, maximumKey: maximum && `${maximum.key}.Precision.maximum` } } : {}),
  } as Layer;
  if (layer.kind === 'softmax') {
    const sizes = { expTableSize: pick('expTableSize', 0) || undefined, invTableSize: pick('invTableSize', 0) || undefined };
    return { ...configured, tableSize: pick('tableSize', d.tableSize), implementation, ...sizes } as Layer;
  }
  // hls4ml arithmetic: sigmoid and tanh read hls4ml's tables with its indexing (docs/arithmetic.md)
  const hls4mlTables = config.arithmetic === 'hls4ml' && (layer.kind === 'sigmoid' || layer.kind === 'tanh') ? { tableIndexing: 'hls4ml' } : {};
  if ('tableSize' in configured) return { ...configured, tableSize: pick('tableSize', d.tableSize), ...hls4mlTables } as unknown as Layer;
  return configured;
}
