import * as hdf5 from 'jsfive';
import { fail } from '../../diagnostics/diagnostic.ts';
import type { WeightTensor } from './tensor.ts';

export type H5File = hdf5.File;
export type H5Group = hdf5.Group;

/** Open HDF5 bytes with jsfive (a pure-JavaScript reader: synchronous, no native code). */
export function openH5(bytes: Uint8Array, file: string): H5File {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const h5 = new hdf5.File(buffer, file);
    void h5.keys; // force the root group to be read
    return h5;
  } catch (e) {
    throw fail('h5-parse', { file }, `the ${bytes.length} bytes are truncated or corrupt (${reason(e)})`);
  }
}

const reason = (e: unknown): string => (e instanceof Error && e.message ? e.message : String(e));

/** An attribute as text (HDF5 fixed-length strings are NUL-padded). */
export function attrText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.replace(/\0+$/, '');
  if (v instanceof Uint8Array) return new TextDecoder().decode(v).replace(/\0+$/, '');
  return undefined;
}

/** An attribute holding a list of strings (`layer_names`, `weight_names`). */
export function attrList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? v : [v];
  return items.map((x) => attrText(x) ?? String(x)).filter((s) => s.length > 0);
}

/** The child at `path`, or undefined (jsfive throws on a missing key). */
export function child(g: H5Group, path: string): hdf5.Group | hdf5.Dataset | undefined {
  try {
    return g.get(path) ?? undefined;
  } catch {
    return undefined;
  }
}

export const isGroup = (x: unknown): x is hdf5.Group => x instanceof hdf5.Group;
export const isDataset = (x: unknown): x is hdf5.Dataset => x instanceof hdf5.Dataset;

/** A dataset's values as float64, with its shape; `file` names it in diagnostics. */
export function readDataset(d: hdf5.Dataset, file: string, path: string): WeightTensor {
  try {
    const shape = (d.shape ?? []) as number[];
    const raw = d.value as ArrayLike<number | bigint>;
    const data = Float64Array.from(Array.from(raw, Number));
    return { shape, data };
  } catch (e) {
    throw fail('h5-parse', { file }, `dataset '${path}' must be readable numbers (${reason(e)})`);
  }
}
