/** Synthesis with open tools (Yosys synth_xilinx for UltraScale+), compared with the estimator. */
export { synthesize, SYNTH_LOG, type SynthMode, type SynthResult } from './synthesize.ts';
export { readRtlProject } from '../rtlsim/read-project.ts';
export { parseStat, resourcesOf } from './parse-stat.ts';
export { compareResources, formatPercent, COMPARED, type MetricComparison } from './compare.ts';
export { runYosys, synthScript, YOSYS, YOSYS_TARGET } from './yosys.ts';
