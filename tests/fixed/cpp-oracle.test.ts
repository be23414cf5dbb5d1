import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCastLines, TRUTH_TABLE_DIR, type CastLine } from '../helpers/truth-table.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatFixedType, fracBits, parseFixedType } from '../../src/fixed/index.ts';
import { tempDirForFile } from '../helpers/temp.ts';
import { build, DRIVER_DIR, hasGxx, run, typeTableUnits } from './cpp/gxx.ts';

const DIR = TRUTH_TABLE_DIR;
const FILES = ['casts-small.jsonl.gz', 'casts-wide.jsonl.gz'];


/** The inputs of a line as doubles: sweep lines step by a quarter LSB. */
function inputsOf(line: CastLine): number[] {
  if (line.inputs) return line.inputs;
  const lsb4 = 2 ** -(fracBits(parseFixedType(line.type)) + 2);
  return line.out.map((_, j) => (line.kmin! + j) * lsb4);
}

const gxx = hasGxx();
const present = FILES.every((f) => existsSync(DIR + f));
if (!gxx) console.warn('SKIPPED: g++ not found, hls/ap_fixed.h is not checked against the vendor truth table');
if (!present) console.warn(`SKIPPED: the vendor truth table ${DIR} is missing, hls/ap_fixed.h is not checked`);

describe('hls/ap_fixed.h against the Xilinx ap_fixed truth table', () => {
  const lines = new Map<string, CastLine[]>();
  const outputs = new Map<string, { fromDouble: string[]; fromWide: string[] }>();
  const dir = tempDirForFile('cpp-oracle');

  beforeAll(async () => {
    if (!gxx || !present) return;
    for (const f of FILES) lines.set(f, readCastLines(f));
    const all = [...lines.values()].flat();
    // One C++ type per line of the data, spelled by our own parser/formatter; the wide source alternates between
    // a 64-bit and a 128-bit ap_fixed so that both internal paths of the cast are checked.
    const types = all.map((l, i) => `${i % 2 ? 'Wide128' : 'Wide64'}, ${formatFixedType(parseFixedType(l.type))}`);
    const exe = join(dir, 'oracle');
    const units = typeTableUnits(dir, join(DRIVER_DIR, 'oracle-types.cpp'), types, 8);
    await build([{ source: join(DRIVER_DIR, 'oracle-main.cpp') }, ...units], exe);
    const input = all.map((l, i) => `${i} ${l.out.length}\n${inputsOf(l).map((x) => x.toPrecision(17)).join(' ')}\n`);
    const out = run(exe, input.join('')).trim().split('\n');
    let at = 0;
    for (const [f, ls] of lines) {
      const fromDouble: string[] = [];
      const fromWide: string[] = [];
      for (let i = 0; i < ls.length; i++, at++) {
        fromDouble.push(out[2 * at]);
        fromWide.push(out[2 * at + 1]);
      }
      outputs.set(f, { fromDouble, fromWide });
    }
  });

  for (const name of FILES) {
    it.skipIf(!gxx || !present)(`reproduces every cast in ${name}, from double and from an exact wide ap_fixed`, () => {
      const ls = lines.get(name)!;
      const { fromDouble, fromWide } = outputs.get(name)!;
      const bad: string[] = [];
      let values = 0;
      ls.forEach((line, i) => {
        const xs = inputsOf(line);
        const d = fromDouble[i].split(' ');
        const w = fromWide[i].split(' ');
        expect([d[0], w[0], d.length, w.length]).toEqual(['D', 'X', line.out.length + 1, line.out.length + 1]);
        line.out.forEach((want, j) => {
          values++;
          if (Number(d[j + 1]) !== want || Number(w[j + 1]) !== want) {
            bad.push(`${line.type}: ${xs[j]} → ${d[j + 1]} (double) / ${w[j + 1]} (wide), want ${want}`);
          }
        });
      });
      console.log(`cpp ${name}: checked ${ls.length} types, ${values} values × 2 sources, ${bad.length} mismatches`);
      expect(bad.slice(0, 20)).toEqual([]);
      expect(ls.length).toBeGreaterThan(250);
    });
  }
});
