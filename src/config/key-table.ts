import { HLS4ML_ONLY_TYPES, NOT_HONOURED_HLS_CONFIG, NOT_HONOURED_LAYER, NOT_HONOURED_MODEL, NOT_HONOURED_TOP, OTHER_BACKENDS, OTHER_IO_TYPES } from './hls4ml-keys.ts';
import { HLS_CONFIG_KEYS, LAYER_KEYS, MODEL_KEYS, PRECISION_KEYS, TOP_KEYS, TYPE_KEYS } from './schema.ts';

/** What the honoured keys below the top level do (the top-level ones say it in TOP_KEYS). Knowledge as data. */
const HONOURED: Readonly<Record<string, string>> = {
  Model: 'defaults for every layer, and the model-wide keys',
  LayerType: "per layer class: hls4ml's class names or hlsforge's kinds",
  LayerName: 'per layer: the names of the model; an unknown name is an error',
  Precision: 'a type, `auto`, or a mapping of precision variables',
  ReuseFactor: 'validated per dense layer',
  Strategy: '`Latency`, `Resource` (other hls4ml values warned)',
  TableSize: 'lookup-table size, a power of two',
  table_size: 'lookup-table size, a power of two',
  Prune: 'hlsforge only: `{sparsity: 0.7}` or `{threshold: 0.01}`',
  Trace: 'selects the layers `predict --trace` writes',
  exp_table_size: "softmax: the exp table's own size, over TableSize",
  inv_table_size: "softmax: the 1/x table's own size, over TableSize",
  Implementation: "softmax: `stable`, `latency`, `legacy`, `argmax` (hls4ml's, in either Arithmetic) or `hlsforge`",
  Skip: 'softmax `false` honoured; `true` warned',
  TraceOutput: '`true`: `predict --trace` writes every layer',
  BramFactor: "hls4ml's default (never BRAM) accepted silently; another value warned",
};

export interface KeyRow {
  readonly level: string;
  readonly key: string;
  readonly status: 'honoured' | 'warned' | 'refused';
  readonly note: string;
}

const rows = (level: string, keys: readonly string[], warned: Readonly<Record<string, string>>, notes: Readonly<Record<string, string>> = HONOURED): KeyRow[] =>
  keys.map((key) => {
    if (key in warned) return { level, key, status: 'warned', note: warned[key] };
    const note = notes[key] ?? '';
    return { level, key, status: note.startsWith('PyTorch model (refused') ? 'refused' : 'honoured', note };
  });

/** Every configuration key hlsforge knows, with what it does: the table of docs/hls4ml-migration.md. */
export function keyTable(): KeyRow[] {
  return [
    ...rows('top level', Object.keys(TOP_KEYS), NOT_HONOURED_TOP, TOP_KEYS),
    ...rows('HLSConfig', HLS_CONFIG_KEYS, NOT_HONOURED_HLS_CONFIG),
    ...rows('Model, LayerType, LayerName', LAYER_KEYS, NOT_HONOURED_LAYER),
    ...rows('Model', MODEL_KEYS.filter((k) => !(LAYER_KEYS as readonly string[]).includes(k)), NOT_HONOURED_MODEL),
    ...PRECISION_KEYS.map((key) => ({ level: 'Precision', key, status: 'honoured' as const, note: key === 'maximum' ? 'caps the `auto` types' : key === 'default' ? 'every variable not named' : 'a precision variable' })),
    ...TYPE_KEYS.map((key) => ({ level: 'layer block', key, status: 'honoured' as const, note: `hls4ml's spelling of \`Precision: {${key.slice(0, -2)}: …}\`` })),
    ...HLS4ML_ONLY_TYPES.map((key) => ({ level: 'Precision', key, status: 'warned' as const, note: 'no such variable in hlsforge yet' })),
    ...OTHER_BACKENDS.map((key) => ({ level: 'Backend value', key, status: 'warned' as const, note: 'the default backend (Vitis) is written instead' })),
    ...OTHER_IO_TYPES.map((key) => ({ level: 'IOType value', key, status: 'warned' as const, note: 'io_parallel is written instead' })),
  ];
}

/** The table as Markdown. */
export function keyTableMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return ['| level | key | status | what hlsforge does |', '| --- | --- | --- | --- |', ...keyTable().map((r) => `| ${r.level} | \`${r.key}\` | ${r.status} | ${cell(r.note)} |`)].join('\n');
}
