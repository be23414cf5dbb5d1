import { sizeOf, type Graph } from '../ir/graph.ts';

/**
 * The most layer output values kept per evaluation (fixed, float) for the distributions: a large image model profiles
 * the first samples that fit, and the page says how many.
 */
export const REPORT_MAX_VALUES = 4_000_000;

/** How many of `batch` samples the report profiles (at least one). */
export function reportSamples(graph: Graph, batch: number): number {
  const perSample = graph.layers.reduce((a, l) => a + sizeOf(l.shape), 0);
  return Math.min(batch, Math.max(1, Math.floor(REPORT_MAX_VALUES / Math.max(1, perSample))));
}
