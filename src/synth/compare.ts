import type { Resources } from '../estimate/types.ts';

export const COMPARED = ['lut', 'ff', 'dsp', 'carry', 'bram'] as const;
export type Compared = (typeof COMPARED)[number];

export interface MetricComparison {
  readonly metric: Compared;
  readonly estimate: number;
  readonly yosys: number;
  /** (estimate − yosys) / yosys in %, undefined when Yosys counts 0 */
  readonly errorPercent?: number;
}

/** Estimator against Yosys, metric by metric; the error is relative to Yosys's count. */
export function compareResources(estimate: Resources, yosys: Resources): MetricComparison[] {
  return COMPARED.map((metric) => {
    const [e, y] = [estimate[metric], yosys[metric]];
    return { metric, estimate: e, yosys: y, errorPercent: y === 0 ? (e === 0 ? 0 : undefined) : (100 * (e - y)) / y };
  });
}

export const formatPercent = (p: number | undefined): string => (p === undefined ? 'n/a' : `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`);
