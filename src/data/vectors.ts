import { extname } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import { READ_LIMITS, readInputText } from '../util/read-input.ts';

/** A batch of flat vectors: `data[s·width + k]`. */
export interface Vectors {
  readonly data: Float64Array;
  readonly batch: number;
  readonly width: number;
}

export type VectorFormat = 'dat' | 'csv' | 'json';

export function formatOf(file: string): VectorFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  return 'dat';
}

/**
 * Read test vectors: hls4ml `.dat` (one sample per line, whitespace-separated), `.csv` (comma-separated, an optional
 * header line), `.json` (an array of arrays, or `{ "inputs": [[…]] }`). Blank lines are ignored.
 */
export function readVectors(file: string, expectedWidth?: number): Vectors {
  const text = readInputText(file, READ_LIMITS.data);
  const rows = formatOf(file) === 'json' ? jsonRows(text, file) : textRows(text, file, formatOf(file) === 'csv' ? /\s*,\s*/ : /\s+/);
  if (rows.length === 0) throw fail('input-parse', { file }, 'no samples found');
  const width = rows[0].length;
  const data = new Float64Array(rows.length * width);
  rows.forEach((r, s) => {
    if (r.length !== width) throw fail('input-shape', { file }, `line ${s + 1} must have ${width} values like the first, not ${r.length}`);
    data.set(r, s * width);
  });
  if (expectedWidth !== undefined && width !== expectedWidth)
    throw fail('input-shape', { file }, `each sample must have ${expectedWidth} values (the model's input size), not ${width}`);
  return { data, batch: rows.length, width };
}

function textRows(text: string, file: string, sep: RegExp): number[][] {
  const rows: number[][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    const cells = t.split(sep);
    const nums = cells.map(Number);
    if (nums.some((x) => !Number.isFinite(x))) {
      if (rows.length === 0 && sep.source.includes(',') && cells.some((c) => /[A-Za-z_]/.test(c))) return; // CSV header
      throw fail('input-parse', { file }, `line ${i + 1}: values must be finite numbers, not '${cells.find((c) => !Number.isFinite(Number(c)))}'`);
    }
    rows.push(nums);
  });
  return rows;
}

function jsonRows(text: string, file: string): number[][] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw fail('input-parse', { file }, (e as Error).message);
  }
  const arr = Array.isArray(doc) ? doc : (doc as { inputs?: unknown })?.inputs;
  if (!Array.isArray(arr)) throw fail('input-parse', { file }, 'must be an array of samples or {"inputs": [...]}');
  return arr.map((row, i) => {
    const r = (Array.isArray(row) ? row : [row]).flat(Infinity) as unknown[];
    if (!r.every((x) => typeof x === 'number' && Number.isFinite(x))) throw fail('input-parse', { file }, `sample ${i} must hold finite numbers`);
    return r as number[];
  });
}

/** Exact text of each value: the shortest decimal that reads back as the same double. */
export function formatVectors(v: Vectors, format: VectorFormat): string {
  const rows: number[][] = [];
  for (let s = 0; s < v.batch; s++) rows.push(Array.from(v.data.subarray(s * v.width, (s + 1) * v.width)));
  if (format === 'json') return JSON.stringify(rows) + '\n';
  const sep = format === 'csv' ? ',' : ' ';
  return rows.map((r) => r.map((x) => String(x)).join(sep)).join('\n') + '\n';
}
