import type { LayerSettings, ProjectConfig } from '../config/project-config.ts';
import { LAYER_TYPE_ALIASES, closest } from '../config/schema.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import type { FixedType } from '../fixed/fixed-type.ts';
import { parseFixedType } from '../fixed/index.ts';
import type { Graph } from '../ir/graph.ts';
import { KINDS } from '../ir/kinds.ts';
import type { Layer, LayerKind, Precision, PrecisionVar } from '../ir/layers.ts';
import type { Pass } from './pass.ts';

/** Lookup tables and the softmax sum default to a wider rounding, saturating type (as hls4ml does). */
export const TABLE_DEFAULT: FixedType = parseFixedType('ap_fixed<18,8,AP_RND,AP_SAT>');
const TABLE_VARS: readonly PrecisionVar[] = ['table', 'exp_table', 'inv_table'];

/**
 * Apply `HLSConfig` to every layer: precision of each variable the kind uses, reuse factor, strategy, table size.
 * Precedence: built-in default < Model < LayerType < LayerName.
 */
export const applyConfig: Pass = {
  name: 'apply-config',
  description: 'set precisions, reuse factors, strategies and table sizes from HLSConfig (Model < LayerType < LayerName)',
  run(graph, config) {
    const byKind = layerTypeSettings(config);
    checkLayerNames(graph, config);
    return { ...graph, layers: graph.layers.map((l) => configure(l, config, [byKind.get(l.kind), config.layerName[l.name]])) };
  },
};

function configure(layer: Layer, config: ProjectConfig, overrides: (LayerSettings | undefined)[]): Layer {
  const d = config.defaults;
  const precision: Partial<Record<PrecisionVar, FixedType>> = {};
  for (const v of KINDS[layer.kind].precisionVars) {
    const tableLike = TABLE_VARS.includes(v) || (layer.kind === 'softmax' && v === 'accum');
    precision[v] = d.precisionVars[v] ?? (tableLike ? TABLE_DEFAULT : d.precision);
    for (const o of overrides) if (o?.precision?.[v]) precision[v] = o.precision[v];
  }
  const pick = <K extends keyof LayerSettings>(k: K, fallback: NonNullable<LayerSettings[K]>): NonNullable<LayerSettings[K]> =>
    (overrides.reduce<LayerSettings[K] | undefined>((acc, o) => o?.[k] ?? acc, undefined) ?? fallback) as NonNullable<LayerSettings[K]>;
  const configured = {
    ...layer,
    precision: precision as Precision,
    reuseFactor: pick('reuseFactor', d.reuseFactor),
    strategy: pick('strategy', d.strategy),
  } as Layer;
  if ('tableSize' in configured) return { ...configured, tableSize: pick('tableSize', d.tableSize) } as Layer;
  return configured;
}

function layerTypeSettings(config: ProjectConfig): Map<LayerKind, LayerSettings> {
  const out = new Map<LayerKind, LayerSettings>();
  const kinds = Object.keys(KINDS) as LayerKind[];
  for (const [key, settings] of Object.entries(config.layerType)) {
    const targets = LAYER_TYPE_ALIASES[key] ?? (kinds.includes(key as LayerKind) ? [key] : undefined);
    if (!targets) {
      const known = [...Object.keys(LAYER_TYPE_ALIASES), ...kinds];
      const guess = closest(key, known);
      throw fail('config-unknown-key', { file: config.file, key: `HLSConfig.LayerType.${key}` }, `${guess ? `did you mean '${guess}'? ` : ''}supported: ${known.join(', ')}`);
    }
    for (const k of targets) out.set(k as LayerKind, settings);
  }
  return out;
}

function checkLayerNames(graph: Graph, config: ProjectConfig): void {
  const names = graph.layers.map((l) => l.name);
  for (const name of Object.keys(config.layerName)) {
    if (names.includes(name)) continue;
    const guess = closest(name, names);
    throw fail('config-unknown-layer', { file: config.file, key: `HLSConfig.LayerName.${name}` }, `${guess ? `did you mean '${guess}'? ` : ''}the model's layers: ${names.join(', ')}`);
  }
}
