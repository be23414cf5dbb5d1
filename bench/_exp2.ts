import { estimateRtl } from '../src/estimate/index.ts';
import { smallCnn } from '../tests/rtlsim/conv-graphs.ts';
import { configFor } from '../tests/rtlsim/rtl-harness.ts';
for (const [p, r] of [['ap_fixed<8,3>', 1], ['ap_fixed<8,3>', 3], ['ap_fixed<16,6>', 1]] as const) {
  const e = estimateRtl(smallCnn(p, r), { ...configFor(), projectName: 'calib', backend: 'RTL' }).total;
  console.log(p, r, e.lut, e.ff, e.dsp, e.carry);
}
