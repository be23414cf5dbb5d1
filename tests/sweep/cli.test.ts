import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePrecisionRange, parseReuseList } from '../../src/sweep/args.ts';
import { hlsforge } from '../helpers/cli.ts';
import { tinyOnnxModel } from '../estimate/tiny-model.ts';

const tiny = tinyOnnxModel();
afterAll(() => rmSync(tiny.dir, { recursive: true, force: true }));

describe('hlsforge sweep arguments', () => {
  it('reads ranges, stepped ranges and lists of widths', () => {
    expect(parsePrecisionRange('6..9')).toEqual([6, 7, 8, 9]);
    expect(parsePrecisionRange('8..16:4')).toEqual([8, 12, 16]);
    expect(parsePrecisionRange('12,6,8')).toEqual([6, 8, 12]);
    expect(parseReuseList('4,1,2')).toEqual([1, 2, 4]);
  });

  it('rejects a descending precision range with a clear message', () => {
    const r = hlsforge(['sweep', tiny.model, '--precision', '16..6']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("hlsforge: error[bad-option]: key '--precision': bad command-line option: must be an ascending range like 6..16, not 16..6\n");
  });

  it('rejects a zero reuse factor with a clear message', () => {
    const r = hlsforge(['sweep', tiny.model, '--precision', '6..8', '--reuse', '0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("hlsforge: error[bad-option]: key '--reuse': bad command-line option: must be a list of positive integers like 1,2,4, not 0\n");
  });

  it('rejects widths outside 2..64 and labels of the wrong length', () => {
    expect(() => parsePrecisionRange('1..8')).toThrow('--precision widths must be from 2 to 64, not 1');
    const labels = join(tiny.dir, 'labels.txt');
    writeFileSync(labels, '0\n1\n');
    const r = hlsforge(['sweep', tiny.model, '--precision', '8', '-n', '5', '--labels', labels]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`hlsforge: error[input-shape]: ${labels}: input vectors have the wrong size: labels must have one line per input sample (5), not 2\n`);
  });

  it('prints every point and the Pareto front', () => {
    const r = hlsforge(['sweep', tiny.model, '--precision', '6,10', '--reuse', '1,2', '-n', '50', '--json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.points.map((p: { precision: string; reuseFactor: number }) => `${p.precision}/${p.reuseFactor}`)).toEqual([
      `ap_fixed<6,${out.integerBits}>/1`,
      `ap_fixed<6,${out.integerBits}>/2`,
      `ap_fixed<10,${out.integerBits}>/1`,
      `ap_fixed<10,${out.integerBits}>/2`,
    ]);
    const text = hlsforge(['sweep', tiny.model, '--precision', '6,10', '--reuse', '1,2', '-n', '50']);
    expect(text.stdout).toMatch(/^sweep: 4 points on 50 samples, ap_fixed<W,\d+>, estimates of the RTL backend/);
    expect(text.stdout).toMatch(/Pareto front \(mean \|Δ\| vs float, LUT \+ DSP, latency\): \d+ points/);
  });
});

describe('hlsforge estimate', () => {
  it('prints the per-layer table of both backends, the HLS one labelled as a model', () => {
    const r = hlsforge(['estimate', tiny.model]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('RTL backend (counted on the generated netlist');
    expect(r.stdout).toContain('HLS backend (MODEL (not measured)');
    expect(r.stdout).toMatch(/\nfc1 +dense +\d+/);
    const json = JSON.parse(hlsforge(['estimate', tiny.model, '--json']).stdout);
    expect(json.rtl.layers.map((l: { name: string }) => l.name)).toEqual(['fc1', 'relu1', 'fc2', 'softmax', '(top: in/out registers, valid, delay lines)']);
  });
});
