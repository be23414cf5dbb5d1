import type { ConfigOverrides } from '../config/load-config.ts';
import { compareToFloat } from '../emulator/compare.ts';
import { compileEmulator, emulatePausing } from '../emulator/index.ts';
import { estimate } from '../estimate/estimate.ts';
import type { BackendEstimate } from '../estimate/types.ts';
import { sizeOf, type Graph } from '../ir/graph.ts';
import { compile } from '../pipeline.ts';
import { accuracy } from './labels.ts';
import { paretoFront } from './pareto.ts';
import type { PointSynthesis } from './synth-points.ts';

export interface SweepOptions {
  readonly model?: string;
  readonly configFile?: string;
  /** total widths W of the uniform ap_fixed<W, I> */
  readonly widths: readonly number[];
  readonly reuseFactors: readonly number[];
  /** I of ap_fixed<W, I>; default: from the float activation ranges (integerBitsFor) */
  readonly integerBits?: number;
  readonly inputs: Float64Array;
  readonly batch: number;
  readonly labels?: Int32Array;
  readonly onProgress?: (msg: string) => void;
  /** awaited before each step and every few chunks of each emulation: the CLI lets a signal be handled there */
  readonly pause?: () => Promise<void>;
}

export interface SweepPoint {
  readonly precision: string;
  readonly width: number;
  readonly reuseFactor: number;
  readonly maxAbsError: number;
  readonly meanAbsError: number;
  readonly accuracy?: number;
  readonly lut: number;
  readonly ff: number;
  readonly dsp: number;
  readonly bram: number;
  readonly latencyCycles: number;
  readonly latencyNs: number;
  readonly ii: number;
  readonly overflows: number;
  /** Yosys's counts (`sweep --synth`) */
  readonly yosys?: PointSynthesis;
  /** on the Pareto front: over Yosys's LUT + DSP when the points were synthesized, else the estimate's */
  readonly pareto: boolean;
}

export interface SweepResult {
  readonly integerBits: number;
  /** which backend's estimate the points carry: RTL (netlist) when the graph is a chain, else the HLS model */
  readonly backend: 'RTL' | 'HLS';
  readonly floatAccuracy?: number;
  readonly points: readonly SweepPoint[];
  readonly seconds: number;
}

/**
 * Every (uniform precision × reuse factor) point: the error against float (or the accuracy) from the bit-exact
 * emulator, compiled once per precision (the reuse factor does not change the arithmetic), and the estimate of
 * each point; then the Pareto front over (error or 1 − accuracy, LUT + DSP, latency).
 */
export async function runSweep(o: SweepOptions): Promise<SweepResult> {
  const start = performance.now();
  const compileAt = (precision: string, reuseFactor: number) => compile({ model: o.model, configFile: o.configFile, overrides: pointOverrides(precision, reuseFactor) });
  const first = compileAt(`ap_fixed<${o.widths[o.widths.length - 1]},${o.integerBits ?? 1}>`, 1).graph;
  const pause = o.pause ?? (() => Promise.resolve());
  await pause();
  o.onProgress?.('float reference');
  const float = await emulatePausing(first, o.inputs, o.batch, pause, { mode: 'float', trace: o.integerBits === undefined });
  const width = float.output.length / o.batch;
  const integerBits = o.integerBits ?? integerBitsFor(float.trace ?? {}, first);
  const floatAccuracy = o.labels ? accuracy(float.output, o.labels, width) : undefined;

  const partial: Omit<SweepPoint, 'pareto'>[] = [];
  let backend: 'RTL' | 'HLS' = 'RTL';
  for (const w of o.widths) {
    const precision = `ap_fixed<${w},${Math.min(integerBits, w)}>`;
    await pause();
    o.onProgress?.(`${precision}: emulating ${o.batch} samples`);
    const { graph } = compileAt(precision, o.reuseFactors[0]);
    const fixed = await compileEmulator(graph).runPausing(o.inputs, o.batch, pause);
    const err = compareToFloat(fixed.output, float.output, width);
    const overflows = Object.values(fixed.overflows).reduce((a, b) => a + b, 0);
    for (const rf of o.reuseFactors) {
      await pause();
      o.onProgress?.(`${precision}, reuse ${rf}: estimating`);
      const c = compileAt(precision, rf);
      const e = estimate(c.graph, c.config);
      const figures: BackendEstimate = e.rtl ?? e.hls;
      if (!e.rtl) backend = 'HLS';
      partial.push({
        precision,
        width: w,
        reuseFactor: rf,
        maxAbsError: err.maxAbs,
        meanAbsError: err.meanAbs,
        accuracy: o.labels ? accuracy(fixed.output, o.labels, width) : undefined,
        lut: figures.total.lut,
        ff: figures.total.ff,
        dsp: figures.total.dsp,
        bram: figures.total.bram,
        latencyCycles: figures.latencyCycles,
        latencyNs: figures.latencyNs,
        ii: figures.ii,
        overflows,
      });
    }
  }
  const front = new Set(paretoFront(partial.map(objectives)));
  const points = partial.map((p, i) => ({ ...p, pareto: front.has(i) }));
  return { integerBits, backend, floatAccuracy, points, seconds: (performance.now() - start) / 1000 };
}

/** The sweep with each point's Yosys counts, and the Pareto front over those counts instead of the estimate. */
export function withSynthesis(r: SweepResult, synth: readonly PointSynthesis[]): SweepResult {
  const points = r.points.map((p, i) => ({ ...p, yosys: synth[i] }));
  const front = new Set(paretoFront(points.map((p) => objectives({ ...p, lut: p.yosys.lut, dsp: p.yosys.dsp }))));
  return { ...r, points: points.map((p, i) => ({ ...p, pareto: front.has(i) })) };
}

/** The configuration of one sweep point: the uniform precision, the reuse factor, and the strategy it implies. */
export const pointOverrides = (precision: string, reuseFactor: number): ConfigOverrides => ({ precision, reuseFactor, strategy: reuseFactor > 1 ? 'resource' : 'latency' });

/** The minimized objectives of a point: quality (mean |Δ|, or 1 − accuracy with labels), LUT + DSP, latency. */
export const objectives = (p: Omit<SweepPoint, 'pareto'>): number[] => [p.accuracy !== undefined ? 1 - p.accuracy : p.meanAbsError, p.lut + p.dsp, p.latencyCycles];

/**
 * Integer bits (sign included) that hold the largest float value any layer produces: ceil(log2(max |v| + 2^−20)) + 1,
 * at least 1. Weights are not included (they are usually below 1 and only need fractional bits).
 */
export function integerBitsFor(trace: Record<string, Float64Array>, graph: Graph): number {
  let max = 0;
  for (const layer of graph.layers) {
    const values = trace[layer.name];
    if (!values || sizeOf(layer.shape) === 0) continue;
    for (const v of values) if (Math.abs(v) > max) max = Math.abs(v);
  }
  return Math.max(1, Math.ceil(Math.log2(max + 2 ** -20)) + 1);
}
