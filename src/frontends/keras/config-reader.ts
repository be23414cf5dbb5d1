import { fail, type Where } from '../../diagnostics/diagnostic.ts';
import type { Json } from './model-config.ts';

/** Typed access to a Keras layer's `config`, with catalogued errors naming the key. */
export class ConfigReader {
  constructor(private readonly config: Json, private readonly where: Where) {}

  raw(key: string): unknown {
    return this.config[key];
  }

  /** A number, or `fallback` when absent or null. */
  number(key: string, fallback: number): number;
  number(key: string, fallback?: number): number | undefined;
  number(key: string, fallback?: number): number | undefined {
    const v = this.config[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw fail('unsupported-attribute', this.where, `${key} must be a finite number, not ${JSON.stringify(v)}`);
    return v;
  }

  boolean(key: string, fallback: boolean): boolean {
    const v = this.config[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    if (v === 0 || v === 1) return v === 1;
    throw fail('unsupported-attribute', this.where, `${key} must be true or false, not ${JSON.stringify(v)}`);
  }

  /** A list of integers (a shape or an axis list), or undefined when absent. */
  ints(key: string): number[] | undefined {
    const v = this.config[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || !v.every((d) => Number.isInteger(d))) throw fail('unsupported-attribute', this.where, `${key} must be a list of integers, not ${JSON.stringify(v)}`);
    return v as number[];
  }

  /** Fail unless the key is absent or one of the allowed values (e.g. a channels_first data_format). */
  require(key: string, allowed: readonly unknown[]): void {
    const v = this.config[key];
    if (v !== undefined && v !== null && !allowed.includes(v)) {
      throw fail('unsupported-attribute', this.where, `${key} must be ${allowed.map((a) => JSON.stringify(a)).join(' or ')}, not ${JSON.stringify(v)}`);
    }
  }
}
