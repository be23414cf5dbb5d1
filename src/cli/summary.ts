import { parameterCount } from '../ir/parameters.ts';
import { formatFixedType } from '../fixed/index.ts';
import { sizeOf, type Graph } from '../ir/graph.ts';
import type { Layer } from '../ir/layers.ts';

export interface LayerRow {
  readonly name: string;
  readonly kind: string;
  readonly op: string;
  readonly shape: readonly number[];
  readonly precision: Record<string, string>;
  readonly reuseFactor: number;
  readonly strategy: string;
  readonly parameters: number;
  readonly overflows?: number;
}

export function layerRows(g: Graph, overflows?: Record<string, number>): LayerRow[] {
  return g.layers.map((l) => ({
    name: l.name,
    kind: l.kind,
    op: l.origin?.op ?? l.kind,
    shape: l.shape,
    precision: Object.fromEntries(Object.entries(l.precision).map(([k, t]) => [k, formatFixedType(t!)])),
    reuseFactor: l.reuseFactor,
    strategy: l.strategy,
    parameters: parameterCount(l),
    overflows: overflows?.[l.name],
  }));
}


/** A plain aligned text table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((v, c) => v.padEnd(widths[c])).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function layerTable(rows: LayerRow[]): string {
  return table(
    ['layer', 'op', 'shape', 'result', 'weight/table', 'accum', 'RF', 'params', 'overflows'],
    rows.map((r) => [
      r.name,
      r.op,
      `[${r.shape.join('×')}]`,
      r.precision.result ?? '',
      r.precision.weight ?? r.precision.scale ?? r.precision.table ?? r.precision.exp_table ?? '',
      r.precision.accum ?? '',
      r.kind === 'dense' ? `${r.reuseFactor}${r.strategy === 'resource' ? ' (resource)' : ''}` : '',
      r.parameters || '',
      r.overflows ?? '',
    ]),
  );
}

export const totalParameters = (g: Graph) => g.layers.reduce((a, l) => a + parameterCount(l), 0);
export const outputSize = (g: Graph) => sizeOf(g.layers.find((l) => l.name === g.outputs[0])!.shape);
