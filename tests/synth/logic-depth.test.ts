import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { worstPath } from '../../src/synth/logic-depth.ts';
import { YOSYS } from '../../src/synth/yosys.ts';
import { carryChainNs } from '../../src/backends/rtl/timing.ts';
import { hasYosys } from '../helpers/oracles.ts';
import { tempDirForFile } from '../helpers/temp.ts';

const work = tempDirForFile('logic-depth');

/** Synthesizes one registered expression of 16-bit inputs a, b, c, d and walks its slowest path. */
function depthOf(name: string, expr: string, width: number) {
  const dir = join(work, name);
  execFileSync('mkdir', ['-p', dir]);
  writeFileSync(
    join(dir, 't.v'),
    `module top(input clk, input signed [15:0] a, b, c, d, output reg signed [${width - 1}:0] y);
reg signed [15:0] ra, rb, rc, rd;
always @(posedge clk) begin ra <= a; rb <= b; rc <= c; rd <= d; y <= ${expr}; end
endmodule
`,
  );
  execFileSync(YOSYS, ['-q', '-p', 'read_verilog t.v; synth_xilinx -family xcup -abc9 -flatten -top top; write_json m.json'], { cwd: dir, stdio: 'ignore' });
  return worstPath(JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')), 'top');
}

let adder: ReturnType<typeof worstPath> | undefined;
const twoTerms = () => (adder ??= depthOf('add', 'ra + rb', 17));

describe.skipIf(!hasYosys(YOSYS))('the logic depth of a Yosys-mapped design (src/synth/logic-depth.ts)', () => {
  it('finds one LUT level and the whole carry chain in a registered adder, timed as the model prices it', () => {
    const p = twoTerms();
    expect(p.lutLevels).toBe(1);
    expect(p.carry).toBeGreaterThanOrEqual(3); // 17 bits: 3 CARRY8 or 5 CARRY4
    expect(p.muxf).toBe(0);
    expect(Math.abs(p.ns - carryChainNs(17))).toBeLessThan(0.1);
  });

  it('finds more LUT levels but no second full carry chain in a sum of four', () => {
    const two = twoTerms();
    const four = depthOf('add4', 'ra + rb + rc + rd', 18);
    expect(four.lutLevels).toBeGreaterThan(two.lutLevels);
    expect(four.ns).toBeGreaterThan(two.ns);
    expect(four.ns).toBeLessThan(3 * two.ns);
  });
});
