import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHlsProject } from '../../src/backends/hls/index.ts';
import { runCsim } from '../../src/csim/index.ts';
import { isHlsforgeError } from '../../src/diagnostics/diagnostic.ts';
import { emulate } from '../../src/emulator/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { ChainBuilder, fx, projectConfig, seededRandom, uniform } from '../backends/hls/graph-builders.ts';

const TIMEOUT = 60_000;
const BATCH = 50;
const work = mkdtempSync(join(tmpdir(), 'hlsforge-run-csim-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeProject(name: string, graph: Graph): string {
  const dir = join(work, name);
  const inputSize = graph.layers[0].shape[0];
  const inputs = uniform(BATCH * inputSize, seededRandom(9), -3, 3);
  const { output } = emulate(graph, inputs, BATCH, { mode: 'fixed' });
  writeHlsProject(graph, projectConfig('tiny', dir), dir, { inputs, predictions: output, batch: BATCH });
  return dir;
}

async function diagnosticOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isHlsforgeError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a diagnostic');
}

describe('runCsim', () => {
  let dir = '';
  beforeAll(() => {
    dir = writeProject('tiny', new ChainBuilder('tiny', 4, fx('ap_fixed<12,4>'), 5).dense(3).relu().build());
  });

  it('reports every changed prediction as a mismatch, with its sample and output', { timeout: TIMEOUT }, async () => {
    const file = join(dir, 'tb_data/tb_output_predictions.dat');
    const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(' '));
    const original = Number(rows[7][2]);
    rows[7][2] = String(original + 2 ** -8);
    rows[30][0] = String(Number(rows[30][0]) - 1);
    writeFileSync(file, rows.map((r) => r.join(' ')).join('\n') + '\n');

    const r = await runCsim(dir, { repeat: 3 });
    expect(r.samples).toBe(BATCH);
    expect(r.outputsCompared).toBe(BATCH * 3);
    expect(r.mismatches).toBe(2);
    expect(r.firstMismatches.map((m) => [m.sample, m.output])).toEqual([[7, 2], [30, 0]]);
    expect(r.firstMismatches[0]).toMatchObject({ csim: original, expected: original + 2 ** -8 });
    // the testbench timed its own repeat loop
    expect(r.samplesPerSecond).toBeGreaterThan(0);
    expect(r.compileSeconds).toBeGreaterThan(0);
  });

  it('copies the input to the output when the network is only identities', { timeout: TIMEOUT }, async () => {
    const d = writeProject('identity', new ChainBuilder('identity', 4, fx('ap_fixed<8,2,AP_RND,AP_SAT>'), 5).identity().build());
    const r = await runCsim(d);
    expect(r.mismatches).toBe(0);
    expect(r.outputsCompared).toBe(BATCH * 4);
  });

  it('says not-a-project for a folder without hlsforge.json', async () => {
    const empty = mkdtempSync(join(work, 'empty-'));
    expect((await diagnosticOf(runCsim(empty))).code).toBe('not-a-project');
  });

  it('says tool-missing when the compiler is not installed', async () => {
    const d = await diagnosticOf(runCsim(dir, { cxx: 'hlsforge-no-such-compiler' }));
    expect(d.code).toBe('tool-missing');
    expect(d.message).toContain('hlsforge-no-such-compiler');
  });

  it("says tool-failed with the compiler's first errors when the sources do not compile", { timeout: TIMEOUT }, async () => {
    const broken = writeProject('broken', new ChainBuilder('broken', 4, fx('ap_fixed<12,4>'), 5).relu().build());
    writeFileSync(join(broken, 'firmware/parameters.h'), '#error this project was broken on purpose\n');
    const d = await diagnosticOf(runCsim(broken));
    expect(d.code).toBe('tool-failed');
    expect(d.message).toContain('broken on purpose');
  });
});
