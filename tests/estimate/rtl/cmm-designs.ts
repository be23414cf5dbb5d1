/**
 * The designs that calibrate the RTL estimate of constant multipliers (shift-add or DSP, shared subexpressions,
 * exactly wide adder trees; docs/rtl.md "Constant multipliers"). bench/yosys-cmm.ts synthesizes them with Yosys and
 * records bench/yosys-cmm.json; tests/estimate/rtl/cmm-calibration.test.ts holds today's estimate against that record.
 */
import type { ProjectConfig } from '../../../src/config/project-config.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { ChainBuilder, fx, projectConfig } from '../../backends/hls/graph-builders.ts';

export interface CmmDesign {
  readonly name: string;
  readonly graph: () => Graph;
  /** LUTs per DSP slice (undefined: the default 55; Infinity: no DSP) */
  readonly dspCost?: number;
}

const mlp = (precision: string, sizes: number[], seed: number) => () => {
  let c = new ChainBuilder('cmm', sizes[0], fx(precision), seed);
  sizes.slice(1).forEach((n, k) => (c = k < sizes.length - 2 ? c.dense(n).relu() : c.dense(n)));
  return c.build();
};

export const CMM_DESIGNS: readonly CmmDesign[] = [
  { name: 'mlp-8b-6-6-3', graph: mlp('ap_fixed<8,3>', [6, 6, 3], 9) },
  { name: 'dense-6b-16-16', graph: mlp('ap_fixed<6,2>', [16, 16], 3) },
  { name: 'dense-16b-16-8', graph: mlp('ap_fixed<16,6>', [16, 8], 4) },
  { name: 'dense-16b-16-8-nodsp', graph: mlp('ap_fixed<16,6>', [16, 8], 4), dspCost: Infinity },
  { name: 'mlp-10b-12-12-4', graph: mlp('ap_fixed<10,4>', [12, 12, 4], 5) },
];

export const cmmConfig = (d: CmmDesign, dir: string): ProjectConfig => ({ ...projectConfig('cmm', dir), backend: 'RTL', dspCost: d.dspCost });
