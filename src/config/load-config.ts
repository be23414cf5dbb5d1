import { dirname, resolve } from 'node:path';
import YAML from 'yaml';
import { fail } from '../diagnostics/diagnostic.ts';
import type { Strategy } from '../ir/layers.ts';
import type { Arithmetic, BackendName, IOType, LayerSettings, ProjectConfig } from './project-config.ts';
import { TOP_KEYS, HLS_CONFIG_KEYS, LAYER_KEYS, MODEL_KEYS, TYPE_KEYS, AUTO_DEFAULT_VARS, closest } from './schema.ts';
import { readLayerSettings, readPrecisionEntry, readTypeKeys, expectObject, flag, isTypeKey, type Ctx } from './read-layer-settings.ts';
import { checkProjectName } from './check-names.ts';
import { checkConfiguredWidth } from './emulator-limits.ts';
import { parseFixedType } from '../fixed/index.ts';
import { ConfigNotes } from './config-notes.ts';
import { readModelPaths, resolveConfigPath } from './model-paths.ts';
import { BRAM_FACTOR_NEVER, NOT_HONOURED_HLS_CONFIG, NOT_HONOURED_MODEL, NOT_HONOURED_TOP, OTHER_BACKENDS, OTHER_IO_TYPES } from './hls4ml-keys.ts';
import { READ_LIMITS, readInputText } from '../util/read-input.ts';

/** Flags given on the command line: they override the file. */
export interface ConfigOverrides {
  readonly outputDir?: string;
  readonly projectName?: string;
  readonly part?: string;
  readonly clockPeriod?: number;
  readonly backend?: string;
  readonly precision?: string;
  readonly reuseFactor?: number;
  readonly strategy?: string;
  readonly ioType?: string;
  readonly inputData?: string;
  readonly arithmetic?: string;
  /** `--dsp-cost`: a number of LUTs, or 'none' */
  readonly dspCost?: string;
}

export const DEFAULTS = {
  projectName: 'myproject',
  part: 'xcvu9p-flga2104-2L-e',
  clockPeriod: 5,
  backend: 'Vitis' as BackendName,
  precision: 'ap_fixed<16,6>',
  reuseFactor: 1,
  strategy: 'latency' as Strategy,
  tableSize: 1024,
};

/**
 * Resolve the project configuration: built-in defaults < YAML file < command-line flags.
 * Model and InputData paths in the file are relative to the file; OutputDir is relative to the working directory.
 */
export function loadConfig(args: { model?: string; configFile?: string; overrides?: ConfigOverrides; cwd?: string }): ProjectConfig {
  const cwd = args.cwd ?? process.cwd();
  const o = args.overrides ?? {};
  const file = args.configFile ? resolve(cwd, args.configFile) : undefined;
  const doc = file ? readYaml(file) : {};
  const notes = new ConfigNotes(file);
  const ctx: Ctx = { file, notes };
  checkKeys(doc, Object.keys(TOP_KEYS), ctx, '');
  const base = file ? dirname(file) : cwd;
  const { model, weights } = readModelPaths(doc, ctx, base, cwd, args.model);
  noteKeys(doc, NOT_HONOURED_TOP, ctx, '');

  const hls = doc.HLSConfig === undefined || doc.HLSConfig === null ? {} : expectObject(doc.HLSConfig, ctx, 'HLSConfig');
  checkKeys(hls, HLS_CONFIG_KEYS, ctx, 'HLSConfig.');
  noteKeys(hls, NOT_HONOURED_HLS_CONFIG, ctx, 'HLSConfig.');
  const modelCfg = hls.Model === undefined || hls.Model === null ? {} : expectObject(hls.Model, ctx, 'HLSConfig.Model');
  checkKeys(modelCfg, [...MODEL_KEYS, ...TYPE_KEYS], ctx, 'HLSConfig.Model.', isTypeKey);
  noteKeys(modelCfg, NOT_HONOURED_MODEL, ctx, 'HLSConfig.Model.');
  bramFactor(modelCfg.BramFactor, ctx);
  const modelSettings = readLayerSettings(modelCfg, ctx, 'HLSConfig.Model');
  const precisionEntry = readPrecisionEntry(modelCfg.Precision, ctx, 'HLSConfig.Model.Precision');
  const traceOutput = flag(modelCfg.TraceOutput, ctx, 'HLSConfig.Model.TraceOutput');

  const projectName = o.projectName ?? str(doc.ProjectName, ctx, 'ProjectName') ?? DEFAULTS.projectName;
  checkProjectName(projectName, file);
  const outputDir = resolve(cwd, o.outputDir ?? str(doc.OutputDir, ctx, 'OutputDir') ?? `${projectName}_prj`);

  // `--precision auto` infers accum and result over the file's model precision
  const cliAuto = o.precision?.trim().toLowerCase() === 'auto';
  const precisionText = cliAuto ? undefined : o.precision;
  const precision = precisionText !== undefined ? checkedType(precisionText, ctx, '--precision') : (precisionEntry.default ?? parseFixedType(DEFAULTS.precision));
  const fileInput = str(doc.InputData, ctx, 'InputData');
  const inputRel = o.inputData ? resolve(cwd, o.inputData) : fileInput !== undefined ? resolveConfigPath(fileInput, base, cwd) : undefined;
  const predictions = str(doc.OutputPredictions, ctx, 'OutputPredictions');
  const config: ProjectConfig = {
    model,
    weights,
    outputDir,
    projectName,
    part: o.part ?? str(doc.Part, ctx, 'Part') ?? str(doc.XilinxPart, ctx, 'XilinxPart') ?? DEFAULTS.part,
    clockPeriod: o.clockPeriod ?? positive(doc.ClockPeriod, ctx, 'ClockPeriod') ?? DEFAULTS.clockPeriod,
    ioType: ioType(o.ioType ?? doc.IOType, ctx, o.ioType !== undefined ? '--io-type' : 'IOType'),
    backend: backend(o.backend ?? doc.Backend, ctx, o.backend !== undefined ? '--backend' : 'Backend'),
    arithmetic: arithmetic(o.arithmetic ?? doc.Arithmetic, ctx, o.arithmetic !== undefined ? '--arithmetic' : 'Arithmetic'),
    defaults: {
      precision,
      // `Precision: {exp_table: …}` and `exp_table_t: …` (which wins) at Model level
      precisionVars: { ...precisionEntry.vars, ...readTypeKeys(modelCfg, ctx, 'HLSConfig.Model').vars },
      reuseFactor: o.reuseFactor ?? modelSettings.reuseFactor ?? DEFAULTS.reuseFactor,
      strategy: (o.strategy !== undefined ? readLayerSettings({ Strategy: o.strategy }, ctx, '--strategy').strategy : modelSettings.strategy) ?? DEFAULTS.strategy,
      tableSize: modelSettings.tableSize ?? DEFAULTS.tableSize,
      autoPrecision: cliAuto ? [...AUTO_DEFAULT_VARS] : precisionText !== undefined ? undefined : modelSettings.autoPrecision,
      precisionMaximum: modelSettings.precisionMaximum,
      prune: modelSettings.prune,
      trace: traceOutput ?? modelSettings.trace,
    },
    layerType: readSection(hls.LayerType, ctx, 'HLSConfig.LayerType'),
    layerName: readSection(hls.LayerName, ctx, 'HLSConfig.LayerName'),
    inputData: inputRel,
    outputPredictions: predictions === undefined ? undefined : resolveConfigPath(predictions, base, cwd),
    file,
    dspCost: o.dspCost !== undefined ? dspCost(o.dspCost, ctx, '--dsp-cost') : dspCost(doc.DspCost, ctx, 'DspCost'),
  };
  notes.flush();
  return config;
}

function readYaml(file: string): Record<string, unknown> {
  const text = readInputText(file, READ_LIMITS.config);
  let doc: unknown;
  try {
    // warnings (unresolved tags, …) would reach stderr as raw Node warnings: a configuration is plain YAML
    // `KerasModel: !keras_model model.h5` is hls4ml's spelling of a model file to load
    const parsed = YAML.parseDocument(text, { uniqueKeys: true, logLevel: 'silent', customTags: [{ tag: '!keras_model', resolve: (s: string) => s }] });
    const problem = parsed.errors[0] ?? parsed.warnings[0];
    if (problem) throw problem;
    doc = parsed.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw fail('config-parse', { file }, String((e as Error).message).split('\n')[0]);
  }
  if (doc === null || doc === undefined) return {};
  return expectObject(doc, { file }, '(top level)');
}

function readSection(v: unknown, ctx: Ctx, path: string): Record<string, LayerSettings> {
  if (v === undefined || v === null) return {};
  const obj = expectObject(v, ctx, path);
  const out: Record<string, LayerSettings> = {};
  for (const [name, cfg] of Object.entries(obj)) {
    const c = cfg === null ? {} : expectObject(cfg, ctx, `${path}.${name}`);
    checkKeys(c, [...LAYER_KEYS, ...TYPE_KEYS], ctx, `${path}.${name}.`, isTypeKey);
    out[name] = readLayerSettings(c, ctx, `${path}.${name}`);
  }
  return out;
}

function checkKeys(obj: Record<string, unknown>, known: readonly string[], ctx: Ctx, prefix: string, alsoKnown?: (k: string) => boolean): void {
  for (const k of Object.keys(obj)) {
    if (known.includes(k) || alsoKnown?.(k)) continue;
    const guess = closest(k, known);
    throw fail('config-unknown-key', { file: ctx.file, key: prefix + k }, `${guess ? `did you mean '${prefix}${guess}'? ` : ''}supported: ${known.join(', ')}`);
  }
}

/** Keys hls4ml writes that hlsforge does not act on: one warning each (with the reason). */
function noteKeys(obj: Record<string, unknown>, table: Readonly<Record<string, string>>, ctx: Ctx, prefix: string): void {
  for (const [k, reason] of Object.entries(table)) if (obj[k] !== undefined && obj[k] !== null) ctx.notes?.notHonoured(prefix + k, k, reason);
}

/** hlsforge never puts weights in BRAM: hls4ml's default BramFactor (10⁹, "never") is honoured, a smaller one is not. */
function bramFactor(v: unknown, ctx: Ctx): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw fail('config-bad-value', { file: ctx.file, key: 'HLSConfig.Model.BramFactor' }, `must be a non-negative integer, not ${JSON.stringify(v)}`);
  if (v < BRAM_FACTOR_NEVER) ctx.notes?.notHonoured('HLSConfig.Model.BramFactor', 'BramFactor', 'weights are never placed in BRAM (they are constants in the logic)');
}

function str(v: unknown, ctx: Ctx, key: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') throw fail('config-bad-value', { file: ctx.file, key }, `must be a string, not ${JSON.stringify(v)}`);
  return String(v);
}

function positive(v: unknown, ctx: Ctx, key: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !(v > 0)) throw fail('config-bad-value', { file: ctx.file, key }, `must be a positive number, not ${JSON.stringify(v)}`);
  return v;
}

/** `DspCost`: a number of LUTs ≥ 0 (a numeric string from the command line too), or `none` (no DSP). */
function dspCost(v: unknown, ctx: Ctx, key: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' && v.trim().toLowerCase() === 'none') return Infinity;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
    throw fail('config-bad-value', { file: ctx.file, key }, `must be a number of LUTs (0 or more) or none, not ${JSON.stringify(v)}`);
  }
  return n;
}

function ioType(v: unknown, ctx: Ctx, key: string): IOType {
  if (v === undefined || v === null || v === 'io_parallel') return 'io_parallel';
  if (v === 'io_stream') return 'io_stream';
  const other = OTHER_IO_TYPES.find((t) => t === String(v).trim().toLowerCase());
  if (other) {
    ctx.notes?.notHonoured(key, `IOType: ${other}`, `${other} is not implemented; the project is written with io_parallel`);
    return 'io_parallel';
  }
  throw fail('config-bad-value', { file: ctx.file, key }, `must be io_parallel or io_stream, not ${JSON.stringify(v)}; supported: io_parallel, io_stream (io_serial accepted with a warning)`);
}

function arithmetic(v: unknown, ctx: Ctx, key: string): Arithmetic {
  if (v === undefined || v === null) return 'hlsforge';
  const s = String(v).trim().toLowerCase();
  if (s === 'hlsforge' || s === 'hls4ml') return s;
  throw fail('config-bad-value', { file: ctx.file, key }, `must be hlsforge or hls4ml, not ${JSON.stringify(v)}; supported: hlsforge, hls4ml`);
}

function backend(v: unknown, ctx: Ctx, key: string): BackendName {
  if (v === undefined || v === null) return DEFAULTS.backend;
  const s = String(v).trim().toLowerCase();
  if (s === 'vivado') return 'Vivado';
  if (s === 'vitis') return 'Vitis';
  if (s === 'rtl' || s === 'verilog') return 'RTL';
  const other = OTHER_BACKENDS.find((b) => b.toLowerCase() === s);
  if (other) {
    // the accelerator wrappers sit on top of the Vivado/Vitis HLS projects hlsforge writes
    const instead: BackendName = other === 'VivadoAccelerator' ? 'Vivado' : other === 'VitisAccelerator' ? 'Vitis' : DEFAULTS.backend;
    ctx.notes?.notHonoured(key, `Backend: ${other}`, `hlsforge does not write ${other} projects; a ${instead} HLS project is written (supported: Vivado, Vitis, RTL)`);
    return instead;
  }
  throw fail('config-bad-value', { file: ctx.file, key }, `must be Vivado, Vitis or RTL, not ${JSON.stringify(v)}; supported: Vivado, Vitis, RTL (${OTHER_BACKENDS.join(', ')} accepted with a warning)`);
}

function checkedType(text: string, ctx: Ctx, key: string) {
  const t = parseType(text, ctx, key);
  checkConfiguredWidth(t, 'default', ctx.file, key);
  return t;
}

function parseType(text: string, ctx: Ctx, key: string) {
  try {
    return parseFixedType(text);
  } catch (e) {
    throw fail('bad-precision', { file: ctx.file, key }, (e as Error).message);
  }
}
