import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hlsforge } from '../helpers/cli.ts';
import { tempDirForFile } from '../helpers/temp.ts';

const MODEL = resolve(import.meta.dirname, '../../examples/jet_tagger/jet_tagger.onnx');
const dir = tempDirForFile('cli-report');

describe('hlsforge report on the command line', () => {
  it('writes report.html in the working directory by default and says so', () => {
    const r = hlsforge(['report', MODEL, '-n', '20'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('wrote report.html: 9 layers, 20 samples\n');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('refuses a missing --sweep file in one catalogued line, before any work, writing nothing', () => {
    const r = hlsforge(['report', MODEL, '--sweep', 'none.json', '-o', 'x.html'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`hlsforge: error[file-not-found]: ${join(dir, 'none.json')}: key '--sweep': file not found\n`);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });

  it('refuses reference outputs of the wrong width with input-shape', () => {
    writeFileSync(join(dir, 'in.dat'), Array.from({ length: 3 }, (_, s) => Array.from({ length: 16 }, (_, k) => ((s + k) % 5) / 4 - 0.5).join(' ')).join('\n') + '\n');
    writeFileSync(join(dir, 'ref.dat'), '0 1\n1 0\n0 1\n');
    const r = hlsforge(['report', MODEL, '-i', 'in.dat', '--reference', 'ref.dat', '-o', 'y.html'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`hlsforge: error[input-shape]: ${join(dir, 'ref.dat')}: input vectors have the wrong size: each reference sample must have 5 values (the model's output size), not 2\n`);
    expect(existsSync(join(dir, 'y.html'))).toBe(false);
  });
});
