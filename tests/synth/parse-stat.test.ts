import { describe, expect, it } from 'vitest';
import { compareResources, parseStat, resourcesOf } from '../../src/synth/index.ts';

/** The end of a real `synth_xilinx -family xcup -abc9 -flatten` log (Yosys 0.23, an 8→8→4 MLP with softmax). */
const LOG = `
6.51. Executing OPT_LUT_INS pass.
6.52. Printing statistics.

=== small_v ===

   Number of wires:               2104
   Number of wire bits:          15183
   Number of public wires:         734
   Number of public wire bits:    8553
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:               2926
     BUFG                            1
     CARRY4                         81
     DSP48E2                        68
     FDRE                         1082
     FDSE                           15
     IBUF                           67
     INV                            66
     LUT2                          259
     LUT3                          411
     LUT4                          198
     LUT5                          491
     LUT6                          105
     MUXF7                          10
     OBUF                           33
     RAMB18E2                        1
     SRL16E                         38

   Estimated number of LCs:       1205

6.53. Executing CHECK pass (checking for obvious problems).
`;

describe('Yosys stat report', () => {
  it('reads every primitive count of the last stat block', () => {
    const cells = parseStat(`   Number of cells: 3\n     LUT1 3\n\n${LOG}`);
    expect(cells).toEqual({
      BUFG: 1, CARRY4: 81, DSP48E2: 68, FDRE: 1082, FDSE: 15, IBUF: 67, INV: 66, LUT2: 259, LUT3: 411, LUT4: 198,
      LUT5: 491, LUT6: 105, MUXF7: 10, OBUF: 33, RAMB18E2: 1, SRL16E: 38,
    });
  });

  it('adds LUTs (with inverters and shift registers), flip-flops, DSPs, carries and block RAM', () => {
    expect(resourcesOf(parseStat(LOG))).toEqual({
      lut: 259 + 411 + 198 + 491 + 105 + 66 + 38,
      ff: 1082 + 15,
      dsp: 68,
      carry: 81,
      bram: 0.5,
    });
  });

  it('says what is missing when the log has no stat report', () => {
    expect(() => parseStat('ERROR: syntax error')).toThrow('no `stat` report found in the Yosys log (no "Number of cells:" line)');
  });

  it('gives the error of the estimate relative to Yosys, and none when Yosys counts zero', () => {
    const cmp = compareResources({ lut: 120, ff: 90, dsp: 0, carry: 1, bram: 0 }, { lut: 100, ff: 100, dsp: 0, carry: 0, bram: 0 });
    expect(cmp.map((m) => [m.metric, m.errorPercent])).toEqual([
      ['lut', 20],
      ['ff', -10],
      ['dsp', 0],
      ['carry', undefined],
      ['bram', 0],
    ]);
  });
});
