import type { ProjectConfig } from '../config/project-config.ts';
import { compareToFloat, type ErrorReport } from '../emulator/compare.ts';
import { emulatePausing, type EmulationResult } from '../emulator/index.ts';
import { estimateHls } from '../estimate/hls/estimate-hls.ts';
import { estimateRtl } from '../estimate/rtl/estimate-rtl.ts';
import type { BackendEstimate, Resources } from '../estimate/types.ts';
import type { Graph } from '../ir/graph.ts';
import { REPORT_MAX_VALUES, reportSamples } from './limits.ts';
import type { Vectors } from '../data/vectors.ts';
import { layerReport, type LayerReport } from './layer-report.ts';
import type { SweepFile } from './sweep-file.ts';

/** Format tag of the report's data (the page's embedded JSON and `report --json`). */
export const REPORT_FORMAT = 'hlsforge-report/1';

export interface ReportData {
  readonly format: typeof REPORT_FORMAT;
  readonly project: string;
  readonly model: string;
  readonly backend: string;
  readonly part: string;
  readonly clockPeriod: number;
  /** where the inputs came from: a file, or `random (seed s)` */
  readonly inputs: string;
  /** samples profiled (the first `samples` of `inputSamples`) */
  readonly samples: number;
  readonly inputSamples: number;
  readonly layers: readonly LayerReport[];
  /** the model's outputs: fixed point against float, and both against reference outputs when given */
  readonly output: { readonly errorVsFloat: ErrorReport; readonly reference?: ReferenceErrors };
  readonly estimate: {
    readonly backend: 'RTL' | 'HLS';
    readonly method: string;
    readonly total: Resources;
    readonly latencyCycles: number;
    readonly latencyNs: number;
    readonly ii: number;
  };
  readonly sweep?: SweepFile;
  /** things the reader must know (samples cut, estimate of the other backend, …) */
  readonly notes: readonly string[];
}

export interface ReferenceErrors {
  readonly file: string;
  readonly float: ErrorReport;
  readonly fixed: ErrorReport;
}

export interface ReportOptions {
  /** where the vectors came from, shown on the page */
  readonly inputs: string;
  /** compares the float and the fixed outputs (batch × width, the profiled samples) with reference outputs */
  readonly reference?: (outputs: { fixed: Float64Array; float: Float64Array; batch: number; width: number }) => ReferenceErrors;
  readonly sweep?: SweepFile;
  readonly pause?: () => Promise<void>;
  readonly onStep?: (step: string) => void;
  /** the bit-exact run of all the vectors with every layer's output (trace), when the caller already has it */
  readonly fixed?: EmulationResult;
}

/**
 * Everything the report shows, computed: both evaluations with every layer's output (traced), per layer the weight
 * and activation distributions against their types, overflows and error against float, and the estimate of the
 * configured backend.
 */
export async function buildReport(graph: Graph, config: ProjectConfig, vectors: Vectors, o: ReportOptions): Promise<ReportData> {
  const pause = o.pause ?? (() => Promise.resolve());
  const notes: string[] = [];
  const batch = reportSamples(graph, vectors.batch);
  if (batch < vectors.batch) notes.push(`the distributions, overflows and errors are of the first ${batch} of ${vectors.batch} samples (a layer output limit of ${REPORT_MAX_VALUES} values)`);
  const data = vectors.data.subarray(0, batch * vectors.width);
  o.onStep?.('emulate (fixed point)');
  const fixed = o.fixed?.trace && batch === vectors.batch ? o.fixed : await emulatePausing(graph, data, batch, pause, { mode: 'fixed', trace: true });
  await pause();
  o.onStep?.('emulate (float)');
  const float = await emulatePausing(graph, data, batch, pause, { mode: 'float', trace: true });
  await pause();
  o.onStep?.('estimate');
  const figures = configuredEstimate(graph, config, notes);
  const byName = new Map(figures.layers.map((l) => [l.name, l]));
  const layers = graph.layers.map((l) =>
    layerReport(l, { fixed: fixed.trace![l.name], float: float.trace![l.name], overflows: fixed.overflows[l.name] ?? 0, overflowsByVar: fixed.overflowsByVar[l.name] ?? {} }, byName.get(l.name)),
  );
  const width = fixed.output.length / batch;
  const reference = o.reference?.({ fixed: fixed.output, float: float.output, batch, width });
  return {
    format: REPORT_FORMAT,
    project: config.projectName,
    model: config.model,
    backend: config.backend,
    part: config.part,
    clockPeriod: config.clockPeriod,
    inputs: o.inputs,
    samples: batch,
    inputSamples: vectors.batch,
    layers,
    output: { errorVsFloat: compareToFloat(fixed.output, float.output, width), ...(reference && { reference }) },
    estimate: { backend: figures.backend, method: figures.method, total: figures.total, latencyCycles: figures.latencyCycles, latencyNs: figures.latencyNs, ii: figures.ii },
    ...(o.sweep && { sweep: o.sweep }),
    notes,
  };
}

/** The estimate of the configured backend only (the RTL one counts a whole netlist: no cost for HLS projects). */
function configuredEstimate(graph: Graph, config: ProjectConfig, notes: string[]): BackendEstimate {
  if (config.backend !== 'RTL') return estimateHls(graph, config);
  try {
    return estimateRtl(graph, config);
  } catch (e) {
    notes.push(`the RTL backend cannot build this graph (${(e as Error).message}); the estimate is the HLS backend's`);
    return estimateHls(graph, config);
  }
}
