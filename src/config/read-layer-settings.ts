import { fail } from '../diagnostics/diagnostic.ts';
import type { FixedType } from '../fixed/fixed-type.ts';
import { parseFixedType } from '../fixed/index.ts';
import type { PrecisionVar } from '../ir/layers.ts';
import type { LayerSettings } from './project-config.ts';
import type { ConfigNotes } from './config-notes.ts';
import { AUTO_DEFAULT_VARS, AUTO_VARS, PRECISION_KEYS, closest } from './schema.ts';
import { HLS4ML_ONLY_TYPES, NOT_HONOURED_LAYER } from './hls4ml-keys.ts';
import { readPrune } from './read-prune.ts';
import { readImplementation, readStrategy } from './read-strategy.ts';
import { checkConfiguredWidth } from './emulator-limits.ts';

export interface Ctx {
  readonly file?: string;
  /** where accepted-but-not-honoured hls4ml settings are collected (one warning each) */
  readonly notes?: ConfigNotes;
}

export function expectObject(v: unknown, ctx: Ctx, key: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw fail('config-bad-value', { file: ctx.file, key }, `must be a mapping, not ${JSON.stringify(v)}`);
  return v as Record<string, unknown>;
}

export interface PrecisionEntry {
  readonly default?: FixedType;
  readonly vars: Partial<Record<PrecisionVar, FixedType>>;
  /** variables set to `auto` */
  readonly auto: PrecisionVar[];
  readonly maximum?: FixedType;
}

const VARS = PRECISION_KEYS.filter((k) => k !== 'default' && k !== 'maximum') as readonly PrecisionVar[];
const isVar = (k: string): k is PrecisionVar => (VARS as readonly string[]).includes(k);
const isHls4mlOnlyType = (k: string) => (HLS4ML_ONLY_TYPES as readonly string[]).includes(k);

/**
 * `Precision: ap_fixed<16,6>`, `Precision: auto` (accum and result inferred), or
 * `Precision: {default|result|weight|…: ap_fixed<…> | auto, maximum: ap_fixed<…>}`.
 */
export function readPrecisionEntry(v: unknown, ctx: Ctx, key: string): PrecisionEntry {
  if (v === undefined || v === null) return { vars: {}, auto: [] };
  if (isAuto(v)) return { vars: {}, auto: [...AUTO_DEFAULT_VARS] };
  if (typeof v === 'string') return { default: checked(typeOf(v, ctx, key), 'default', ctx, key), vars: {}, auto: [] };
  const obj = expectObject(v, ctx, key);
  const vars: Partial<Record<PrecisionVar, FixedType>> = {};
  const auto: PrecisionVar[] = [];
  let def: FixedType | undefined;
  let maximum: FixedType | undefined;
  for (const [k, text] of Object.entries(obj)) {
    const path = `${key}.${k}`;
    if (isHls4mlOnlyType(k)) {
      if (!isAuto(text)) typeText(text, ctx, path);
      ctx.notes?.notHonoured(path, `Precision.${k}`, `hlsforge has no '${k}' type (no such layer or variable yet)`);
      continue;
    }
    if (!(PRECISION_KEYS as readonly string[]).includes(k)) {
      const guess = closest(k, PRECISION_KEYS);
      throw fail('config-unknown-key', { file: ctx.file, key: path }, `${guess ? `did you mean '${guess}'? ` : ''}supported: ${PRECISION_KEYS.join(', ')}`);
    }
    if (isAuto(text)) {
      if (k === 'default') auto.push(...AUTO_DEFAULT_VARS);
      else if ((AUTO_VARS as readonly string[]).includes(k)) auto.push(k as PrecisionVar);
      else if (k === 'maximum') throw fail('bad-precision', { file: ctx.file, key: path }, `must be a type like ap_fixed<16,6>, not "auto"`);
      // hls4ml writes `weight: auto` (granularity 'name'); hlsforge takes weight types from the quantizers or defaults
      else ctx.notes?.notHonoured(path, `${k}: auto`, `auto is inferred for ${['default', ...AUTO_VARS].join(', ')}; '${k}' keeps its configured type (model default, or the quantizer's)`);
      continue;
    }
    const t = checked(typeText(text, ctx, path), k, ctx, path);
    if (k === 'default') def = t;
    else if (k === 'maximum') maximum = t;
    else vars[k as PrecisionVar] = t;
  }
  return { default: def, vars, auto: auto.filter((a) => !(a in vars)), maximum };
}

const checked = (t: FixedType, variable: string, ctx: Ctx, key: string): FixedType => (checkConfiguredWidth(t, variable, ctx.file, key), t);

const isAuto = (v: unknown): boolean => typeof v === 'string' && v.trim().toLowerCase() === 'auto';

/** hls4ml `<name>_t` keys in a layer block (exp_table_t, accum_t, …): the precision variable `<name>`. */
export const typeKeyName = (k: string): string | undefined => (k.endsWith('_t') && k.length > 2 ? k.slice(0, -2) : undefined);
/** a `<name>_t` key hls4ml writes (ours or one of its own types) */
export const isTypeKey = (k: string): boolean => {
  const name = typeKeyName(k);
  return name !== undefined && (isVar(name) || isHls4mlOnlyType(name));
};

/** One `Model`/`LayerType.X`/`LayerName.X` block: Precision, `<var>_t`, ReuseFactor, Strategy, TableSize, Prune, Trace, … */
export function readLayerSettings(obj: Record<string, unknown>, ctx: Ctx, key: string): LayerSettings {
  const p = readPrecisionEntry(obj.Precision, ctx, `${key}.Precision`);
  const expanded: Partial<Record<PrecisionVar, FixedType>> = p.default
    ? { result: p.default, weight: p.default, bias: p.default, accum: p.default, scale: p.default, param: p.default, recurrent_weight: p.default, state: p.default, ...p.vars }
    : { ...p.vars };
  for (const a of p.auto) delete expanded[a];
  // `exp_table_t: ap_fixed<18,8>` beside Precision (hls4ml's attribute spelling) sets that variable, over Precision
  const typed = readTypeKeys(obj, ctx, key);
  Object.assign(expanded, typed.vars);
  for (const v of typed.auto) if (!p.auto.includes(v)) p.auto.push(v), delete expanded[v];
  for (const v of Object.keys(typed.vars)) if (p.auto.includes(v as PrecisionVar)) p.auto.splice(p.auto.indexOf(v as PrecisionVar), 1);
  for (const [k, reason] of Object.entries(NOT_HONOURED_LAYER))
    if (obj[k] !== undefined && obj[k] !== null && obj[k] !== false) ctx.notes?.notHonoured(`${key}.${k}`, k, reason);
  if (flag(obj.Skip, ctx, `${key}.Skip`)) ctx.notes?.notHonoured(`${key}.Skip`, 'Skip', 'the softmax is always computed (its output is the model output)');
  return {
    precision: Object.keys(expanded).length ? expanded : undefined,
    reuseFactor: obj.ReuseFactor === undefined ? undefined : reuse(obj.ReuseFactor, ctx, `${key}.ReuseFactor`),
    strategy: obj.Strategy === undefined ? undefined : readStrategy(obj.Strategy, ctx, `${key}.Strategy`),
    tableSize: tableSize(obj.TableSize ?? obj.table_size, ctx, `${key}.TableSize`),
    implementation: obj.Implementation === undefined ? undefined : readImplementation(obj.Implementation, ctx, `${key}.Implementation`),
    expTableSize: tableSize(obj.exp_table_size, ctx, `${key}.exp_table_size`),
    invTableSize: tableSize(obj.inv_table_size, ctx, `${key}.inv_table_size`),
    autoPrecision: p.auto.length ? p.auto : undefined,
    precisionMaximum: p.maximum,
    prune: obj.Prune === undefined ? undefined : readPrune(obj.Prune, ctx, `${key}.Prune`),
    trace: flag(obj.Trace, ctx, `${key}.Trace`),
  };
}

/** The `<var>_t` keys of a block: types of our variables, `auto` ones, and warnings for hls4ml-only types. */
export function readTypeKeys(obj: Record<string, unknown>, ctx: Ctx, key: string): { vars: Partial<Record<PrecisionVar, FixedType>>; auto: PrecisionVar[] } {
  const vars: Partial<Record<PrecisionVar, FixedType>> = {};
  const auto: PrecisionVar[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const name = typeKeyName(k);
    if (name === undefined || !isTypeKey(k)) continue;
    const path = `${key}.${k}`;
    if (isAuto(v)) {
      if ((AUTO_VARS as readonly string[]).includes(name)) auto.push(name as PrecisionVar);
      else ctx.notes?.notHonoured(path, `${k}: auto`, `auto is inferred for ${AUTO_VARS.join(', ')}; '${name}' keeps its configured type`);
      continue;
    }
    const t = typeText(v, ctx, path);
    if (isVar(name)) vars[name] = t;
    else ctx.notes?.notHonoured(path, k, `hlsforge has no '${name}' type (no such layer or variable yet)`);
  }
  return { vars, auto };
}

/** A yes/no key (YAML true/false, as hls4ml writes them). */
export function flag(v: unknown, ctx: Ctx, key: string): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  throw fail('config-bad-value', { file: ctx.file, key }, `must be true or false, not ${JSON.stringify(v)}`);
}

function typeText(v: unknown, ctx: Ctx, key: string): FixedType {
  if (typeof v !== 'string') throw fail('bad-precision', { file: ctx.file, key }, `must be a type like ap_fixed<16,6>, not ${JSON.stringify(v)}`);
  return typeOf(v, ctx, key);
}

function typeOf(text: string, ctx: Ctx, key: string): FixedType {
  try {
    return parseFixedType(text);
  } catch (e) {
    throw fail('bad-precision', { file: ctx.file, key }, (e as Error).message);
  }
}

function reuse(v: unknown, ctx: Ctx, key: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw fail('bad-reuse-factor', { file: ctx.file, key }, `must be a positive integer, not ${JSON.stringify(v)}`);
  return v;
}

function tableSize(v: unknown, ctx: Ctx, key: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 65536 && (v & (v - 1)) === 0) return v;
  throw fail('config-bad-value', { file: ctx.file, key }, `must be a power of two from 2 to 65536, not ${JSON.stringify(v)}`);
}
