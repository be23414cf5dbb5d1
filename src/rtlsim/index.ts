import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readVectors } from '../data/vectors.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { parseFixedType } from '../fixed/index.ts';
import { buildSim, run } from './build.ts';
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
  const r = await run(join(dir, 'obj_dir', 'Vtb'), [hexFile, String(inputs.batch), String(meta.ii), String(maxCycles)], dir);
  const runSeconds = (performance.now() - t1) / 1000;
  if (r.code !== 0) throw fail('tool-failed', { file: dir }, `the simulation exited with ${r.code}: ${r.output.slice(0, 500)}`);

  const issued = new Map<number, number>();
  const outs: { cycle: number; words: string[] }[] = [];
  for (const line of r.stdout.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[0] === 'I') issued.set(Number(f[1]), Number(f[2]));
    else if (f[0] === 'O') outs.push({ cycle: Number(f[1]), words: f.slice(2) });
  }
  const mismatches: RtlMismatch[] = [];
  let compared = 0;
  outs.forEach((o, s) => {
    const got = unpackSegments(o.words, outSegs);
    got.forEach((v, j) => {
      const want = expected.data[s * meta.outputSize + j];
      compared++;
      if (v !== want) mismatches.push({ sample: s, output: j, rtl: v, expected: want });
    });
  });
  if (outs.length < inputs.batch) {
    for (let s = outs.length; s < inputs.batch; s++)
      for (let j = 0; j < meta.outputSize; j++) mismatches.push({ sample: s, output: j, rtl: NaN, expected: expected.data[s * meta.outputSize + j] });
  }
  const byOutput = outputOwners(meta.outputs, meta.outputSize);
  const mismatchesByOutput: Record<string, number> = Object.fromEntries(byOutput.names.map((n) => [n, 0]));
  for (const m of mismatches) mismatchesByOutput[byOutput.names[byOutput.owner[m.output]]]++;
  const spacing = outs.slice(1).map((o, k) => o.cycle - outs[k].cycle);
  return {
    samples: inputs.batch,
    outputsCompared: compared,
    mismatches: mismatches.length,
    mismatchesByOutput,
    firstMismatches: mismatches.slice(0, 10),
    latencyCycles: outs.length ? outs[0].cycle - (issued.get(0) ?? 0) : -1,
    ii: spacing.length ? Math.max(...spacing) : meta.ii,
    expectedLatencyCycles: meta.latencyCycles,
    expectedIi: meta.ii,
    built,
    buildSeconds,
    runSeconds,
    samplesPerSecond: runSeconds > 0 ? inputs.batch / runSeconds : 0,
  };
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
