import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/build-report.ts';
import { hlsforge } from '../helpers/cli.ts';
import { tempDirForFile } from '../helpers/temp.ts';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/jet_tagger');
const dir = tempDirForFile('convert-report');

function convert(out: string, ...extra: string[]) {
  const r = hlsforge(['convert', join(EXAMPLE, 'jet_tagger.onnx'), '-c', join(EXAMPLE, 'config.yml'), '--precision', 'ap_fixed<8,3>', '-n', '200', '--seed', '5', '-o', out, '--json', ...extra], { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { project: string; layers: { name: string; overflows?: number }[]; testVectors: number };
}

const embedded = (page: string): ReportData => JSON.parse(/<script type="application\/json" id="hlsforge-report-data">([^<]*)<\/script>/.exec(page)![1]);

describe('convert writes report.html into the project', () => {
  it('profiles the test vectors of the project: the same overflow counts as the summary, listed as a file hlsforge wrote', () => {
    const summary = convert('prj');
    const page = readFileSync(join(dir, 'prj', 'report.html'), 'utf8');
    const data = embedded(page);
    expect(data.project).toBe(summary.project);
    expect(data.samples).toBe(summary.testVectors);
    expect(data.inputs).toBe('random (200 normal vectors, seed 5)');
    expect(data.layers.map((l) => [l.name, l.overflows])).toEqual(summary.layers.map((l) => [l.name, l.overflows]));
    expect(data.layers.some((l) => l.overflows > 0)).toBe(true);
    expect(readFileSync(join(dir, 'prj', '.hlsforge-files'), 'utf8').split('\n')).toContain('report.html');
  });

  it('writes no report with --no-report', () => {
    convert('bare', '--no-report');
    expect(existsSync(join(dir, 'bare', 'hlsforge.json'))).toBe(true);
    expect(existsSync(join(dir, 'bare', 'report.html'))).toBe(false);
  });
});
