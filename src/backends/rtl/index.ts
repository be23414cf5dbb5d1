/** The RTL backend: IR → width-explicit netlist → Verilog-2005, with latency and II known at generation time. */
export { writeRtlProject, RTL_FILES, type RtlPortSegment, type RtlProjectMeta, type RtlStreamPort, type RtlTestVectors } from './project.ts';
export { planRtl, type RtlDesignInfo, type RtlLayerInfo } from './plan.ts';
export { stageBudgetNs } from './timing.ts';
