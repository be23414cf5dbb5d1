import { dirname, resolve } from 'node:path';
import YAML from 'yaml';
import { fail } from '../diagnostics/diagnostic.ts';
import type { Strategy } from '../ir/layers.ts';
import type { BackendName, LayerSettings, ProjectConfig } from './project-config.ts';
import { TOP_KEYS, HLS_CONFIG_KEYS, LAYER_KEYS, AUTO_DEFAULT_VARS, closest } from './schema.ts';
import { readLayerSettings, readPrecisionEntry, expectObject, type Ctx } from './read-layer-settings.ts';
import { checkProjectName } from './check-names.ts';
import { checkConfiguredWidth } from './emulator-limits.ts';
import { parseFixedType } from '../fixed/index.ts';
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
  readonly inputData?: string;
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
  const ctx: Ctx = { file };
  checkKeys(doc, Object.keys(TOP_KEYS), ctx, '');
  const base = file ? dirname(file) : cwd;

  for (const k of ['KerasJson', 'KerasH5', 'KerasModel'] as const)
    if (doc[k] !== undefined) throw fail('unsupported-model-format', { file, key: k }, 'the Keras frontend is not available yet; supported: OnnxModel (.onnx)');
  const modelRel = args.model ?? str(doc.OnnxModel, ctx, 'OnnxModel');
  if (!modelRel) throw fail('config-bad-value', { file, key: 'OnnxModel' }, 'no model given: pass a model file or set OnnxModel');
  const model = args.model ? resolve(cwd, args.model) : resolve(base, modelRel);

  const hls = doc.HLSConfig === undefined ? {} : expectObject(doc.HLSConfig, ctx, 'HLSConfig');
  checkKeys(hls, HLS_CONFIG_KEYS, ctx, 'HLSConfig.');
  const modelCfg = hls.Model === undefined ? {} : expectObject(hls.Model, ctx, 'HLSConfig.Model');
  checkKeys(modelCfg, LAYER_KEYS, ctx, 'HLSConfig.Model.');
  const modelSettings = readLayerSettings(modelCfg, ctx, 'HLSConfig.Model');
  const precisionEntry = readPrecisionEntry(modelCfg.Precision, ctx, 'HLSConfig.Model.Precision');

  const projectName = o.projectName ?? str(doc.ProjectName, ctx, 'ProjectName') ?? DEFAULTS.projectName;
  checkProjectName(projectName, file);
  const outputDir = resolve(cwd, o.outputDir ?? str(doc.OutputDir, ctx, 'OutputDir') ?? `${projectName}_prj`);

  // `--precision auto` infers accum and result over the file's model precision
  const cliAuto = o.precision?.trim().toLowerCase() === 'auto';
  const precisionText = cliAuto ? undefined : o.precision;
 const precision = precisionText !== undefined ? checkedType(precisionText, ctx, '--precision') : (precisionEntry.default ?? parseFixedType(DEFAULTS.precision));
  const inputRel = o.inputData ? resolve(cwd, o.inputData) : str(doc.InputData, ctx, 'InputData') !== undefined ? resolve(base, String(doc.InputData)) : undefined;

  return {
    model,
    outputDir,
    projectName,
    part: o.part ?? str(doc.Part, ctx, 'Part') ?? str(doc.XilinxPart, ctx, 'XilinxPart') ?? DEFAULTS.part,
    clockPeriod: o.clockPeriod ?? positive(doc.ClockPeriod, ctx, 'ClockPeriod') ?? DEFAULTS.clockPeriod,
    ioType: ioType(doc.IOType, ctx),
    backend: backend(o.backend ?? doc.Backend, ctx),
    defaults: {
      precision,
      precisionVars: precisionEntry.vars,
      reuseFactor: o.reuseFactor ?? modelSettings.reuseFactor ?? DEFAULTS.reuseFactor,
      strategy: (o.strategy !== undefined ? readLayerSettings({ Strategy: o.strategy }, ctx, '--strategy').strategy : modelSettings.strategy) ?? DEFAULTS.strategy,
      tableSize: modelSettings.tableSize ?? DEFAULTS.tableSize,
      autoPrecision: cliAuto ? [...AUTO_DEFAULT_VARS] : precisionText !== undefined ? undefined : modelSettings.autoPrecision,
      precisionMaximum: modelSettings.precisionMaximum,
      prune: modelSettings.prune,
    },
    layerType: readSection(hls.LayerType, ctx, 'HLSConfig.LayerType'),
    layerName: readSection(hls.LayerName, ctx, 'HLSConfig.LayerName'),
    inputData: inputRel,
    file,
  };
}

function readYaml(file: string): Record<string, unknown> {
  const text = readInputText(file, READ_LIMITS.config);
  let doc: unknown;
  try {
    // warnings (unresolved tags, …) would reach stderr as raw Node warnings: a configuration is plain YAML
    const parsed = YAML.parseDocument(text, { uniqueKeys: true, logLevel: 'silent' });
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
    const c = expectObject(cfg, ctx, `${path}.${name}`);
    checkKeys(c, LAYER_KEYS, ctx, `${path}.${name}.`);
    out[name] = readLayerSettings(c, ctx, `${path}.${name}`);
  }
  return out;
}

function checkKeys(obj: Record<string, unknown>, known: readonly string[], ctx: Ctx, prefix: string): void {
  for (const k of Object.keys(obj)) {
    if (known.includes(k)) continue;
    const guess = closest(k, known);
    throw fail('config-unknown-key', { file: ctx.file, key: prefix + k }, `${guess ? `did you mean '${prefix}${guess}'? ` : ''}supported: ${known.join(', ')}`);
  }
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

function ioType(v: unknown, ctx: Ctx): 'io_parallel' {
  if (v === undefined || v === null || v === 'io_parallel') return 'io_parallel';
  throw fail('config-bad-value', { file: ctx.file, key: 'IOType' }, `must be io_parallel, not ${JSON.stringify(v)}; supported: io_parallel`);
}

function backend(v: unknown, ctx: Ctx): BackendName {
  if (v === undefined || v === null) return DEFAULTS.backend;
  const s = String(v).toLowerCase();
  if (s === 'vivado') return 'Vivado';
  if (s === 'vitis') return 'Vitis';
  if (s === 'rtl' || s === 'verilog') return 'RTL';
  throw fail('config-bad-value', { file: ctx.file, key: 'Backend' }, `must be Vivado, Vitis or RTL, not ${JSON.stringify(v)}; supported: Vivado, Vitis, RTL`);
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
