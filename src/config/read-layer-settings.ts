import { fail } from '../diagnostics/diagnostic.ts';
import type { FixedType } from '../fixed/fixed-type.ts';
import { parseFixedType } from '../fixed/index.ts';
import type { PrecisionVar, Strategy } from '../ir/layers.ts';
import type { LayerSettings } from './project-config.ts';
import { PRECISION_KEYS, closest } from './schema.ts';

export interface Ctx {
  readonly file?: string;
}

export function expectObject(v: unknown, ctx: Ctx, key: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw fail('config-bad-value', { file: ctx.file, key }, `must be a mapping, not ${JSON.stringify(v)}`);
  return v as Record<string, unknown>;
}

/** `Precision: ap_fixed<16,6>` or `Precision: {default|result|weight|…: ap_fixed<…>}`. */
export function readPrecisionEntry(v: unknown, ctx: Ctx, key: string): { default?: FixedType; vars: Partial<Record<PrecisionVar, FixedType>> } {
  if (v === undefined || v === null) return { vars: {} };
  if (typeof v === 'string') return { default: typeOf(v, ctx, key), vars: {} };
  const obj = expectObject(v, ctx, key);
  const vars: Partial<Record<PrecisionVar, FixedType>> = {};
  let def: FixedType | undefined;
  for (const [k, text] of Object.entries(obj)) {
    if (!(PRECISION_KEYS as readonly string[]).includes(k)) {
      const guess = closest(k, PRECISION_KEYS);
      throw fail('config-unknown-key', { file: ctx.file, key: `${key}.${k}` }, `${guess ? `did you mean '${guess}'? ` : ''}supported: ${PRECISION_KEYS.join(', ')}`);
    }
    if (typeof text !== 'string') throw fail('bad-precision', { file: ctx.file, key: `${key}.${k}` }, `must be a type like ap_fixed<16,6>, not ${JSON.stringify(text)}`);
    const t = typeOf(text, ctx, `${key}.${k}`);
    if (k === 'default') def = t;
    else vars[k as PrecisionVar] = t;
  }
  return { default: def, vars };
}

/** One `Model`/`LayerType.X`/`LayerName.X` block: Precision, ReuseFactor, Strategy, TableSize. */
export function readLayerSettings(obj: Record<string, unknown>, ctx: Ctx, key: string): LayerSettings {
  const p = readPrecisionEntry(obj.Precision, ctx, `${key}.Precision`);
  const precision = p.default ? { result: p.default, weight: p.default, bias: p.default, accum: p.default, scale: p.default, param: p.default, ...p.vars } : p.vars;
  return {
    precision: Object.keys(precision).length ? precision : undefined,
    reuseFactor: obj.ReuseFactor === undefined ? undefined : reuse(obj.ReuseFactor, ctx, `${key}.ReuseFactor`),
    strategy: obj.Strategy === undefined ? undefined : strategy(obj.Strategy, ctx, `${key}.Strategy`),
    tableSize: tableSize(obj.TableSize ?? obj.table_size, ctx, `${key}.TableSize`),
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
