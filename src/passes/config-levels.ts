import type { LayerSettings, ProjectConfig } from '../config/project-config.ts';
import { LAYER_TYPE_ALIASES, closest } from '../config/schema.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import type { Graph } from '../ir/graph.ts';
import { KINDS } from '../ir/kinds.ts';
import type { Layer, LayerKind } from '../ir/layers.ts';

/** One level of `HLSConfig` that applies to a layer, with the key prefix it was read from (for diagnostics). */
export interface ConfigLevel {
  readonly key: string;
  readonly settings: LayerSettings;
}

/**
 * The levels of HLSConfig that apply to a layer, lowest precedence first: Model < LayerType < LayerName.
 * (The Model level holds only the per-layer options; its defaults live in `config.defaults`.)
 */
export function levelsOf(config: ProjectConfig, layer: Layer): ConfigLevel[] {
  const d = config.defaults;
  const levels: ConfigLevel[] = [
    { key: 'HLSConfig.Model', settings: { autoPrecision: d.autoPrecision, precisionMaximum: d.precisionMaximum, prune: d.prune } },
  ];
  const byType = layerTypeSettings(config).get(layer.kind);
  if (byType) levels.push(byType);
  const byName = config.layerName[layer.name];
  if (byName) levels.push({ key: `HLSConfig.LayerName.${layer.name}`, settings: byName });
  return levels;
}

/** The highest-precedence level that sets option k, with its value. */
export function settingOf<K extends keyof LayerSettings>(config: ProjectConfig, layer: Layer, k: K): { value: NonNullable<LayerSettings[K]>; key: string } | undefined {
  const levels = levelsOf(config, layer);
  for (let i = levels.length - 1; i >= 0; i--) {
    const value = levels[i].settings[k];
    if (value !== undefined) return { value: value as NonNullable<LayerSettings[K]>, key: levels[i].key };
  }
  return undefined;
}

/** HLSConfig.LayerType resolved to our layer kinds (hls4ml class names are aliases of one or more kinds). */
export function layerTypeSettings(config: ProjectConfig): Map<LayerKind, ConfigLevel> {
  const out = new Map<LayerKind, ConfigLevel>();
  const kinds = Object.keys(KINDS) as LayerKind[];
  for (const [key, settings] of Object.entries(config.layerType)) {
    const targets = LAYER_TYPE_ALIASES[key] ?? (kinds.includes(key as LayerKind) ? [key] : undefined);
    if (!targets) {
      const known = [...Object.keys(LAYER_TYPE_ALIASES), ...kinds];
      const guess = closest(key, known);
      throw fail('config-unknown-key', { file: config.file, key: `HLSConfig.LayerType.${key}` }, `${guess ? `did you mean '${guess}'? ` : ''}supported: ${known.join(', ')}`);
    }
    for (const k of targets) out.set(k as LayerKind, { key: `HLSConfig.LayerType.${key}`, settings });
  }
  return out;
}

export function checkLayerNames(graph: Graph, config: ProjectConfig): void {
  const names = graph.layers.map((l) => l.name);
  for (const name of Object.keys(config.layerName)) {
    if (names.includes(name)) continue;
    const guess = closest(name, names);
    throw fail('config-unknown-layer', { file: config.file, key: `HLSConfig.LayerName.${name}` }, `${guess ? `did you mean '${guess}'? ` : ''}the model's layers: ${names.join(', ')}`);
  }
}
