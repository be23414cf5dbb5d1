import { compareToFloat, type ErrorReport } from '../emulator/compare.ts';
import { emulate } from '../emulator/index.ts';
import { sizeOf, type Graph } from '../ir/graph.ts';
import type { Pass } from './pass.ts';
import { pruneWeights } from './prune-weights.ts';

/** What pruning did: per dense layer the zero weights before and after, and the change of the float outputs. */
export interface PruneReport {
  readonly layers: readonly { readonly name: string; readonly weights: number; readonly zerosBefore: number; readonly zerosAfter: number }[];
  /** float outputs after pruning against before, on the given inputs */
  readonly outputChange: ErrorReport;
  readonly samples: number;
}

/** Compare a graph before and after `prune-weights` (float emulation of both on batch × inputSize inputs). */
export function pruneReport(before: Graph, after: Graph, inputs: Float64Array, batch: number): PruneReport {
  const layers = after.layers.flatMap((l) => {
    const old = before.layers.find((b) => b.name === l.name);
    if (l.kind !== 'dense' || old?.kind !== 'dense' || old.weights === l.weights) return [];
    return [{ name: l.name, weights: l.weights.length, zerosBefore: zeros(old.weights), zerosAfter: zeros(l.weights) }];
  });
  const a = emulate(before, inputs, batch, { mode: 'float' });
  const b = emulate(after, inputs, batch, { mode: 'float' });
  return { layers, outputChange: compareToFloat(b.output, a.output, sizeOf(b.outputShape)), samples: batch };
}

export function formatPruneReport(r: PruneReport): string {
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  const lines = r.layers.map((l) => `  ${l.name}: ${l.zerosAfter}/${l.weights} weights zero (${pct(l.zerosAfter, l.weights)}, was ${pct(l.zerosBefore, l.weights)})`);
  const c = r.outputChange;
  const agree = c.argmaxAgreement === undefined ? '' : `, argmax agreement ${pct(c.argmaxAgreement, 1)}`;
  lines.push(`  float outputs after vs before pruning on ${r.samples} test vectors: max |Δ| ${c.maxAbs.toPrecision(3)}, mean |Δ| ${c.meanAbs.toPrecision(3)}${agree}`);
  return `pruning:\n${lines.join('\n')}`;
}

const zeros = (a: Float64Array): number => a.reduce((n, w) => n + (w === 0 ? 1 : 0), 0);

/**
 * For `runPasses`' onPass hook: remembers the graph before and after `prune-weights` (when it changed anything), so
 * the caller can report the effect on its test vectors without the pass itself doing any I/O.
 */
export function trackPruning(): { onPass(pass: Pass, after: Graph): void; report(inputs: Float64Array, batch: number): PruneReport | undefined } {
  let last: Graph | undefined;
  let pair: [Graph, Graph] | undefined;
  return {
    onPass(pass, after) {
      if (pass.name === pruneWeights.name && last && after !== last) pair = [last, after];
      last = after;
    },
    report: (inputs, batch) => (pair ? pruneReport(pair[0], pair[1], inputs, batch) : undefined),
  };
}
