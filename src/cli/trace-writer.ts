import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import { formatFixedType } from '../fixed/index.ts';
import { sizeOf, type Graph } from '../ir/graph.ts';
import { safeIdentifier } from '../util/identifier.ts';

/** Format tag of trace files (docs/configuration.md, "Trace"). */
export const TRACE_FORMAT = 'hlsforge-trace/1';
/** The index of a trace folder; its presence marks a folder `predict --trace` may replace. */
export const TRACE_INDEX = 'trace.json';

export interface LayerTrace {
  readonly name: string;
  readonly kind: string;
  readonly shape: readonly number[];
  /** the layer's result type (what the fixed-point values are) */
  readonly type: string;
  /** batch × size, the bit-exact emulator's values (exact) */
  readonly fixed: Float64Array;
  /** batch × size, the float evaluation of the same layer */
  readonly float: Float64Array;
}

/** Per-layer fixed and float values for the selected layers, in graph order. */
export function layerTraces(graph: Graph, names: readonly string[], fixed: Record<string, Float64Array>, float: Record<string, Float64Array>): LayerTrace[] {
  return graph.layers
    .filter((l) => names.includes(l.name))
    .map((l) => ({ name: l.name, kind: l.kind, shape: [...l.shape], type: formatFixedType(l.precision.result), fixed: fixed[l.name], float: float[l.name] }));
}

const rows = (a: Float64Array, size: number, batch: number): number[][] =>
  Array.from({ length: batch }, (_, s) => Array.from(a.subarray(s * size, (s + 1) * size)));

/** One JSON document: `{format, samples, layers: [{name, kind, shape, type, fixed: [[…] per sample], float: [[…]]}]}`. */
export function traceJson(traces: readonly LayerTrace[], batch: number): object {
  return {
    format: TRACE_FORMAT,
    samples: batch,
    layers: traces.map((t) => {
      const size = sizeOf(t.shape);
      return { name: t.name, kind: t.kind, shape: t.shape, type: t.type, fixed: rows(t.fixed, size, batch), float: rows(t.float, size, batch) };
    }),
  };
}

/**
 * A folder with one `.dat` per layer (`<NN>_<layer>.dat`, one line per sample: the layer's `size` fixed-point values,
 * then its `size` float values) and `trace.json`, the index (name, kind, shape, type, file of each layer). An
 * existing folder is replaced only if it is empty or an earlier trace.
 */
export function writeTraceFolder(dir: string, traces: readonly LayerTrace[], batch: number): void {
  const target = resolve(dir);
  checkTraceTarget(target);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const taken = new Set<string>();
  const index = traces.map((t, i) => {
    const file = `${String(i).padStart(2, '0')}_${safeIdentifier(t.name, () => false, '', taken)}.dat`;
    const size = sizeOf(t.shape);
    const lines: string[] = [];
    for (let s = 0; s < batch; s++) {
      const values = [...t.fixed.subarray(s * size, (s + 1) * size), ...t.float.subarray(s * size, (s + 1) * size)];
      lines.push(values.map((x) => String(x)).join(' '));
    }
    writeFileSync(join(target, file), lines.join('\n') + '\n');
    return { name: t.name, kind: t.kind, shape: t.shape, type: t.type, file, columns: `${size} fixed, then ${size} float` };
  });
  writeFileSync(join(target, TRACE_INDEX), JSON.stringify({ format: TRACE_FORMAT, samples: batch, layers: index }, null, 2) + '\n');
}

function checkTraceTarget(dir: string): void {
  if (dir === resolve(process.cwd()) || process.cwd().startsWith(dir + '/'))
    throw fail('unsafe-path', { key: '--output' }, `must be a new or earlier trace folder, not ${dir} (it would replace the working directory)`);
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw fail('unsafe-path', { key: '--output' }, `${dir} exists and is not a folder`);
  if (readdirSync(dir).length === 0 || isTrace(join(dir, TRACE_INDEX))) return;
  throw fail('unsafe-path', { key: '--output' }, `${dir} exists and is not an hlsforge trace (no ${TRACE_INDEX}); refusing to replace it`);
}

function isTrace(index: string): boolean {
  try {
    return JSON.parse(readFileSync(index, 'utf8')).format === TRACE_FORMAT;
  } catch {
    return false;
  }
}
