import { fail } from '../diagnostics/diagnostic.ts';
import type { FixedType } from '../fixed/fixed-type.ts';
import { parseFixedType } from '../fixed/index.ts';
import type { PrecisionVar, Strategy } from '../ir/layers.ts';
import type { LayerSettings } from './project-config.ts';
import { AUTO_DEFAULT_VARS, AUTO_VARS, PRECISION_KEYS, closest } from './schema.ts';
import { readPrune } from './read-prune.ts';
import { checkConfiguredWidth } from './emulator-limits.ts';

export interface Ctx {
  readonly file?: string;
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
    if (!(PRECISION_KEYS as readonly string[]).includes(k)) {
      const guess = closest(k, PRECISION_KEYS);
      throw fail('config-unknown-key', { file: ctx.file, key: `${key}.${k}` }, `${guess ? `did you mean '${guess}'? ` : ''}supported: ${PRECISION_KEYS.join(', ')}`);
    }
    if (isAuto(text)) {
      if (k === 'default') auto.push(...AUTO_DEFAULT_VARS);
      else if ((AUTO_VARS as readonly string[]).includes(k)) auto.push(k as PrecisionVar);
      else throw fail('bad-precision', { file: ctx.file, key: `${key}.${k}` }, `must be a type like ap_fixed<16,6>, not "auto"; auto is supported for: default, ${AUTO_VARS.join(', ')}`);
      continue;
    }
    if (typeof text !== 'string') throw fail('bad-precision', { file: ctx.file, key: `${key}.${k}` }, `must be a type like ap_fixed<16,6>, not ${JSON.stringify(text)}`);
    const t = checked(typeOf(text, ctx, `${key}.${k}`), k, ctx, `${key}.${k}`);
    if (k === 'default') def = t;
    else if (k === 'maximum') maximum = t;
    else vars[k as PrecisionVar] = t;
  }
  return { default: def, vars, auto: auto.filter((a) => !(a in vars)), maximum };
}

const checked = (t: FixedType, variable: string, ctx: Ctx, key: string): FixedType => (checkConfiguredWidth(t, variable, ctx.file, key), t);

const isAuto = (v: unknown): boolean => typeof v === 'string' && v.trim().toLowerCase() === 'auto';

/** One `Model`/`LayerType.X`/`LayerName.X` block: Precision, ReuseFactor, Strategy, TableSize, Prune. */
export function readLayerSettings(obj: Record<string, unknown>, ctx: Ctx, key: string): LayerSettings {
  const p = readPrecisionEntry(obj.Precision, ctx, `${key}.Precision`);
  const expanded: Partial<Record<PrecisionVar, FixedType>> = p.default
    ? { result: p.default, weight: p.default, bias: p.default, accum: p.default, scale: p.default, param: p.default, ...p.vars }
    : { ...p.vars };
  for (const a of p.auto) delete expanded[a];
  return {
    precision: Object.keys(expanded).length ? expanded : undefined,
    reuseFactor: obj.ReuseFactor === undefined ? undefined : reuse(obj.ReuseFactor, ctx, `${key}.ReuseFactor`),
    strategy: obj.Strategy === undefined ? undefined : strategy(obj.Strategy, ctx, `${key}.Strategy`),
    tableSize: tableSize(obj.TableSize ?? obj.table_size, ctx, `${key}.TableSize`),
    autoPrecision: p.auto.length ? p.auto : undefined,
    precisionMaximum: p.maximum,
    prune: obj.Prune === undefined ? undefined : readPrune(obj.Prune, ctx, `${key}.Prune`),
  };
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

function strategy(v: unknown, ctx: Ctx, key: string): Strategy {
  const s = String(v).toLowerCase();
  if (s === 'latency' || s === 'resource') return s;
  throw fail('config-bad-value', { file: ctx.file, key }, `must be Latency or Resource, not ${JSON.stringify(v)}; supported: Latency, Resource`);
}

function tableSize(v: unknown, ctx: Ctx, key: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 65536 && (v & (v - 1)) === 0) return v;
  throw fail('config-bad-value', { file: ctx.file, key }, `must be a power of two from 2 to 65536, not ${JSON.stringify(v)}`);
}
