import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readVectors } from '../data/vectors.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { parseFixedType } from '../fixed/index.ts';
import { buildSim, runModel } from './build.ts';
import type { RtlProjectMeta } from '../backends/rtl/index.ts';
import type { RtlStreamPort } from '../backends/rtl/project.ts';
import { runStream, STALL_PERCENT, writeHex, type StreamRun } from './stream.ts';
import { testbench } from './testbench.ts';
import { readRtlProject } from './read-project.ts';
import { packSegments, segmentWords, unpackSegments, type Segment } from './vectors.ts';

export interface RtlSimOptions {
  /** test vectors (.dat/.csv/.json); default tb_data/tb_input_features.dat */
  readonly inputs?: string;
  /** exact expected outputs for `inputs`; required with `inputs` */
  readonly predictions?: string;
  readonly onProgress?: (msg: string) => void;
}

export interface RtlMismatch {
  readonly sample: number;
  readonly output: number;
  readonly rtl: number;
  readonly expected: number;
}

export interface RtlSimResult {
  readonly samples: number;
  readonly outputsCompared: number;
  readonly mismatches: number;
  /** mismatching values per output tensor (out_data segment), by name */
  readonly mismatchesByOutput: Readonly<Record<string, number>>;
  readonly firstMismatches: readonly RtlMismatch[];
  /** measured: cycles from presenting the first sample to its out_valid */
  readonly latencyCycles: number;
  /** measured: largest spacing of consecutive out_valid cycles (samples are presented every expectedIi cycles) */
  readonly ii: number;
  readonly expectedLatencyCycles: number;
  readonly expectedIi: number;
  readonly built: boolean;
  readonly buildSeconds: number;
  readonly runSeconds: number;
  /** simulated samples per wall-clock second */
  readonly samplesPerSecond: number;
  /**
   * io_stream: the second run, with random input gaps and back-pressure (its mismatches are included in
   * `mismatches`; latency and II above come from the first run, without stalls)
   */
  readonly stalled?: { readonly mismatches: number; readonly inputGaps: number; readonly backPressureCycles: number };
}


/** Build the Verilator testbench of an RTL project, run it, and compare every output with the expected values exactly. */
export async function runRtlSim(projectDir: string, opts: RtlSimOptions = {}): Promise<RtlSimResult> {
  const dir = resolve(projectDir);
  const meta = readRtlProject(dir);
  const [inSegs, outSegs] = [segmentsOf(meta.inputs, meta.inputSize, meta.inputType), segmentsOf(meta.outputs, meta.outputSize, meta.outputType)];
  if (opts.inputs && !opts.predictions)
    throw fail('config-bad-value', { key: '--predictions' }, 'inputs given with -i need their exact expected outputs (--predictions <file>)');
  const inputs = readVectors(opts.inputs ? resolve(opts.inputs) : join(dir, 'tb_data/tb_input_features.dat'), meta.inputSize);
  const expected = readVectors(opts.predictions ? resolve(opts.predictions) : join(dir, 'tb_data/tb_output_predictions.dat'), meta.outputSize);
  if (expected.batch !== inputs.batch) throw fail('input-shape', {}, `the predictions must have ${inputs.batch} samples like the inputs, not ${expected.batch}`);

  const [inWords, outWords] = [segmentWords(inSegs), segmentWords(outSegs)];
  if (meta.ioType === 'io_stream') return runStreamSim(dir, meta, inputs, expected, inSegs, outSegs, { in: inWords, out: outWords }, opts);
  const t0 = performance.now();
  const built = await buildSim(dir, meta.top, meta.sources, testbench(meta.top, inWords, outWords), opts.onProgress);
  const buildSeconds = (performance.now() - t0) / 1000;

  const hex: string[] = [];
  for (let s = 0; s < inputs.batch; s++) hex.push(packSegments(inputs.data.subarray(s * meta.inputSize, (s + 1) * meta.inputSize), inSegs).join(' '));
  const hexFile = join(dir, 'sim', 'input.hex');
  writeFileSync(hexFile, hex.join('\n') + '\n');
  opts.onProgress?.(`simulating ${inputs.batch} samples`);
  const maxCycles = (inputs.batch * meta.ii + meta.latencyCycles) * 2 + 100;
  const t1 = performance.now();
  const r = await runModel(dir, hexFile, [String(inputs.batch), String(meta.ii), String(maxCycles)]);
  const runSeconds = (performance.now() - t1) / 1000;
  if (r.code !== 0) throw fail('tool-failed', { file: dir }, `the simulation exited with ${r.code}: ${r.output.slice(0, 500)}`);

  return compareRun(meta, inputs.batch, expected.data, issued(r.stdout), outs(r.stdout, outSegs), { built, buildSeconds, runSeconds });
}

const issued = (stdout: string): Map<number, number> => {
  const m = new Map<number, number>();
  for (const line of stdout.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[0] === 'I') m.set(Number(f[1]), Number(f[2]));
  }
  return m;
};

const outs = (stdout: string, outSegs: Segment[]): { cycle: number; values: number[] }[] =>
  stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[0] === 'O')
    .map((f) => ({ cycle: Number(f[1]), values: unpackSegments(f.slice(2), outSegs) }));

/** Every output value against the expected one, and latency/II measured from the cycles of the first run. */
function compareRun(
  meta: RtlProjectMeta,
  batch: number,
  expectedData: Float64Array,
  issuedAt: ReadonlyMap<number, number>,
  got: readonly { cycle: number; values: number[] }[],
  times: { built: boolean; buildSeconds: number; runSeconds: number },
  extraRuns: readonly (readonly { values: number[] }[])[] = [],
): RtlSimResult {
  const mismatches: RtlMismatch[] = [];
  let compared = 0;
  for (const run of [got, ...extraRuns]) {
    run.forEach((o, s) => {
      o.values.forEach((v, j) => {
        const want = expectedData[s * meta.outputSize + j];
        compared++;
        if (v !== want) mismatches.push({ sample: s, output: j, rtl: v, expected: want });
      });
    });
    for (let s = run.length; s < batch; s++)
      for (let j = 0; j < meta.outputSize; j++) mismatches.push({ sample: s, output: j, rtl: NaN, expected: expectedData[s * meta.outputSize + j] });
  }
  const byOutput = outputOwners(meta.outputs, meta.outputSize);
  const mismatchesByOutput: Record<string, number> = Object.fromEntries(byOutput.names.map((n) => [n, 0]));
  for (const m of mismatches) mismatchesByOutput[byOutput.names[byOutput.owner[m.output]]]++;
  const spacing = got.slice(1).map((o, k) => o.cycle - got[k].cycle);
  return {
    samples: batch,
    outputsCompared: compared,
    mismatches: mismatches.length,
    mismatchesByOutput,
    firstMismatches: mismatches.slice(0, 10),
    latencyCycles: got.length ? got[0].cycle - (issuedAt.get(0) ?? 0) : -1,
    ii: spacing.length ? Math.max(...spacing) : meta.ii,
    expectedLatencyCycles: meta.latencyCycles,
    expectedIi: meta.ii,
    built: times.built,
    buildSeconds: times.buildSeconds,
    runSeconds: times.runSeconds,
    samplesPerSecond: times.runSeconds > 0 ? batch / times.runSeconds : 0,
  };
}

/**
 * io_stream: one Verilator build, two runs — without stalls (every output, latency and II against the plan), then
 * with STALL_PERCENT random input gaps and back-pressure (every output again).
 */
async function runStreamSim(
  dir: string,
  meta: RtlProjectMeta,
  inputs: { data: Float64Array; batch: number },
  expected: { data: Float64Array },
  inSegs: Segment[],
  outSegs: Segment[],
  words: { in: number; out: number },
  opts: RtlSimOptions,
): Promise<RtlSimResult> {
  // a port streaming a channels-first tensor channels-last (docs/rtl.md, "io_stream"): port element j = row[order[j]]
  const [inOrder, outOrder] = [orderOf(dir, meta.stream?.input), orderOf(dir, meta.stream?.output)];
  const gather = (row: Float64Array): Float64Array => (inOrder ? Float64Array.from(inOrder, (k) => row[k]) : row);
  const scatter = (run: StreamRun): StreamRun => {
    if (!outOrder) return run;
    return { ...run, outputs: run.outputs.map((o) => { const row = new Array<number>(o.values.length); outOrder.forEach((k, j) => (row[k] = o.values[j])); return { ...o, values: row }; }) };
  };
  const hex: string[] = [];
  for (let s = 0; s < inputs.batch; s++) hex.push(packSegments(gather(inputs.data.subarray(s * meta.inputSize, (s + 1) * meta.inputSize)), inSegs).join(' '));
  mkdirSync(join(dir, 'sim'), { recursive: true });
  const hexFile = writeHex(dir, hex);
  const t0 = performance.now();
  opts.onProgress?.(`simulating ${inputs.batch} samples, then again with random stalls`);
  const free = scatter(await runStream(dir, meta, hexFile, inputs.batch, outSegs, words, 0, 1)) as StreamRun & { built: boolean };
  const t1 = performance.now();
  const stalled = scatter(await runStream(dir, meta, hexFile, inputs.batch, outSegs, words, STALL_PERCENT, 2));
  const runSeconds = (performance.now() - t1) / 1000;
  const result = compareRun(meta, inputs.batch, expected.data, free.issued, free.outputs, { built: free.built, buildSeconds: (t1 - t0) / 1000 - runSeconds, runSeconds }, [stalled.outputs]);
  const again = compareRun(meta, inputs.batch, expected.data, stalled.issued, stalled.outputs, { built: false, buildSeconds: 0, runSeconds });
  return { ...result, stalled: { mismatches: again.mismatches, inputGaps: stalled.inputGaps, backPressureCycles: stalled.backPressureCycles } };
}

/** The gather of a port that streams a channels-first tensor channels-last (tb_data/<side>_order.dat). */
function orderOf(dir: string, port: RtlStreamPort | undefined): Int32Array | undefined {
  if (!port?.order) return undefined;
  const size = port.transfers * port.elements;
  const v = readVectors(join(dir, port.order.file), size);
  const order = Int32Array.from(v.data);
  const seen = new Uint8Array(size);
  for (const k of order) {
    if (!Number.isInteger(k) || k < 0 || k >= size || seen[k])
      throw fail('not-a-project', { file: join(dir, port.order.file) }, `the order must be a permutation of 0 … ${size - 1}, not hold ${k}${seen[k] ? ' twice' : ''}`);
    seen[k] = 1;
  }
  return order;
}

/** The packed segments of a port; a project written before several inputs/outputs existed has one. */
function segmentsOf(segs: readonly { size: number; type: string }[] | undefined, size: number, type: string): Segment[] {
  return (segs ?? [{ size, type }]).map((s) => ({ size: s.size, type: parseFixedType(s.type) }));
}

/** Which output tensor each element of a sample's output row belongs to. */
function outputOwners(segs: readonly { name: string; size: number }[] | undefined, size: number): { names: string[]; owner: number[] } {
  const list = segs ?? [{ name: 'output', size }];
  return { names: list.map((s) => s.name), owner: list.flatMap((s, k) => new Array<number>(s.size).fill(k)) };
}
