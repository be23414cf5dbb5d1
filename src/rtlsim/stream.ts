import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { RtlProjectMeta } from '../backends/rtl/index.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { buildSim, runModel } from './build.ts';
import { unpackSegments, type Segment } from './vectors.ts';

const TEMPLATE = fileURLToPath(new URL('../../templates/rtl/tb-stream.cpp.hbs', import.meta.url));

/** Percent of cycles the stalled run leaves the input without a transfer and the output without tready. */
export const STALL_PERCENT = 30;

/** The C++ testbench of an io_stream top (Verilator models ports over 64 bits as arrays of 32-bit words). */
export function streamTestbench(meta: RtlProjectMeta, inWords: number, outWords: number): string {
  const s = meta.stream!;
  const render = Handlebars.create().compile(readFileSync(TEMPLATE, 'utf8'), { noEscape: true, strict: true });
  return render({
    top: meta.top, inWords, outWords,
    inBits: s.input.bits, outBits: s.output.bits, inTransfers: s.input.transfers, outTransfers: s.output.transfers,
    inWide: s.input.bits > 64, outWide: s.output.bits > 64,
  });
}

export interface StreamRun {
  /** per sample, in order: the cycle its last output transfer was taken and its values */
  readonly outputs: readonly { cycle: number; values: number[] }[];
  /** cycle each sample's first input transfer was taken */
  readonly issued: ReadonlyMap<number, number>;
  readonly inputGaps: number;
  readonly backPressureCycles: number;
}

/** Builds (or reuses) the stream testbench and runs it once with `stall` percent random gaps and back-pressure. */
export async function runStream(dir: string, meta: RtlProjectMeta, hexFile: string, samples: number, outSegs: Segment[], words: { in: number; out: number }, stall: number, seed: number): Promise<StreamRun & { built: boolean }> {
  const built = await buildSim(dir, meta.top, meta.sources, streamTestbench(meta, words.in, words.out));
  const slack = stall > 0 ? 100 / (100 - stall) ** 2 * 100 : 1;
  const maxCycles = Math.ceil((samples * meta.ii + meta.latencyCycles) * 2 * slack) + 1000;
  const r = await runModel(dir, hexFile, [String(samples), String(maxCycles), String(stall), String(seed)]);
  if (r.code !== 0) throw fail('tool-failed', { file: dir }, `the simulation exited with ${r.code}: ${r.output.slice(0, 500)}`);
  const issued = new Map<number, number>();
  const outputs: { cycle: number; values: number[] }[] = [];
  let [inputGaps, backPressureCycles] = [0, 0];
  for (const line of r.stdout.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[0] === 'I') issued.set(Number(f[1]), Number(f[2]));
    else if (f[0] === 'O') outputs.push({ cycle: Number(f[1]), values: unpackSegments(f.slice(2), outSegs) });
    else if (f[0] === 'S') [inputGaps, backPressureCycles] = [Number(f[1]), Number(f[2])];
  }
  return { outputs, issued, inputGaps, backPressureCycles, built };
}

export const writeHex = (dir: string, lines: string[]): string => {
  const file = join(dir, 'sim', 'input.hex');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
};
