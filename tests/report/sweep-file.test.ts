import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSweepFile } from '../../src/report/sweep-file.ts';
import { tempDirForFile } from '../helpers/temp.ts';
import { thrown } from '../helpers/thrown.ts';

const dir = tempDirForFile('report-sweep');
const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
const point = { precision: 'ap_fixed<8,3>', width: 8, reuseFactor: 1, maxAbsError: 0.5, meanAbsError: 0.1, lut: 10, ff: 5, dsp: 1, bram: 0, latencyCycles: 4, latencyNs: 20, ii: 1, overflows: 0, pareto: true };

describe('readSweepFile: the output of sweep --json, for report --sweep', () => {
  it('reads a sweep result as it is', () => {
    const doc = { samples: 10, integerBits: 3, backend: 'RTL', points: [point], seconds: 1 };
    expect(readSweepFile(file('ok.json', JSON.stringify(doc)))).toEqual(doc);
  });

  it('refuses text that is not JSON with input-parse', () => {
    const e = thrown(() => readSweepFile(file('bad.json', 'precision,lut\n')));
    expect(e.code).toBe('input-parse');
    expect(e.message).toMatch(/bad\.json: key '--sweep': cannot read input vectors: the file must be the JSON that 'hlsforge sweep --json' prints, not unparsable text/);
  });

  it('refuses a JSON document without points', () => {
    const e = thrown(() => readSweepFile(file('empty.json', '{"samples": 3}')));
    expect(e.code).toBe('input-parse');
    expect(e.message).toContain("the file must be the JSON that 'hlsforge sweep --json' prints (a non-empty 'points' list), not an object without points");
  });

  it('names the point and the field that is not a finite number', () => {
    const e = thrown(() => readSweepFile(file('nan.json', JSON.stringify({ points: [point, { ...point, lut: 'many' }] }))));
    expect(e.code).toBe('input-parse');
    expect(e.message).toContain(`point 2 must have a finite number 'lut', not "many"`);
  });

  it('says file-not-found for a missing file', () => {
    expect(thrown(() => readSweepFile(join(dir, 'none.json'))).code).toBe('file-not-found');
  });
});
