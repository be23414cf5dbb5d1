import { existsSync } from 'node:fs';
import { readCastLines, TRUTH_TABLE_DIR, type CastLine } from '../helpers/truth-table.ts';
import { describe, expect, it } from 'vitest';
import {
  fracBits,
  parseFixedType,
  quantizeDouble,
  quantizeDoubleBig,
  quantizeScaled,
  quantizeScaledBig,
} from '../../src/fixed/index.ts';

const DIR = TRUTH_TABLE_DIR;

/** Every mismatch as "type: input → got, want", so a failure names the cast. */
function mismatches(lines: CastLine[], count: { values: number }): string[] {
  const bad: string[] = [];
  for (const line of lines) {
    const t = parseFixedType(line.type);
    const frac = fracBits(t) + 2; // sweep step is a quarter LSB
    line.out.forEach((want, j) => {
      count.values++;
      const sweepK = line.inputs ? undefined : line.kmin! + j;
      const x = line.inputs ? line.inputs[j] : sweepK! * 2 ** -frac;
      const got = [quantizeDouble(x, t), Number(quantizeDoubleBig(x, t))];
      if (sweepK !== undefined) got.push(quantizeScaled(sweepK, frac, t), Number(quantizeScaledBig(BigInt(sweepK), frac, t)));
      if (got.some((g) => g !== want)) bad.push(`${line.type}: ${x} → ${got.join('/')}, want ${want}`);
    });
  }
  return bad;
}

describe('quantize against the Xilinx ap_fixed truth table', () => {
  for (const name of ['casts-small.jsonl.gz', 'casts-wide.jsonl.gz']) {
    const present = existsSync(DIR + name);
    if (!present) console.warn(`SKIPPED: ${DIR + name} is missing, the vendor truth table is not checked`);
    it.skipIf(!present)(`reproduces every cast in ${name} on the number and BigInt paths`, () => {
      const lines = readCastLines(name);
      const count = { values: 0 };
      const bad = mismatches(lines, count);
      console.log(`${name}: checked ${lines.length} types, ${count.values} values, ${bad.length} mismatches`);
      expect(bad.slice(0, 20)).toEqual([]);
      expect(lines.length).toBeGreaterThan(250);
      expect(count.values).toBeGreaterThan(250_000);
    });
  }
});
