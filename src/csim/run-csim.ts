import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import { PROJECT_FILES } from '../backends/hls/project-meta.ts';
import { compareResults, type Mismatch } from './compare.ts';
import { readProject } from './read-project.ts';
import { firstErrors, runTool } from './tools.ts';
import { onInterrupt } from '../util/interrupt.ts';

export interface CsimOptions {
  readonly onProgress?: (msg: string) => void;
  /** the C++ compiler; default $CXX or g++ */
  readonly cxx?: string;
  /** also run the whole input set this many more times and report the testbench's own samples/s */
  readonly repeat?: number;
}

export interface CsimResult {
  readonly samples: number;
  readonly outputsCompared: number;
  readonly mismatches: number;
  readonly firstMismatches: readonly Mismatch[];
  readonly compileSeconds: number;
  readonly runSeconds: number;
  /** the testbench's timed repeat loop when `repeat` was given, else samples / run time (process start included) */
  readonly samplesPerSecond: number;
}

/** Build folder inside the project. */
export const CSIM_DIR = 'csim';
export const CXX_FLAGS = ['-O2', '-std=c++14', '-I', 'firmware', '-I', 'firmware/ap_types', '-I', 'firmware/nnet_utils'];

/**
 * C simulation of a generated project: compile its testbench and firmware with g++ against our ap_types, run it,
 * and compare every output with the emulator's predictions exactly.
 */
export async function runCsim(projectDir: string, opts: CsimOptions = {}): Promise<CsimResult> {
  const dir = resolve(projectDir);
  const meta = readProject(dir);
  const cxx = opts.cxx ?? process.env.CXX ?? 'g++';
  const binary = join(CSIM_DIR, `${meta.project}_csim`);
  mkdirSync(join(dir, CSIM_DIR), { recursive: true });

  opts.onProgress?.(`compiling ${meta.files.testbench} and ${meta.files.top} with ${cxx}`);
  // an interrupted compile leaves no half-built objects or binary behind
  const undo = onInterrupt(() => rmSync(join(dir, CSIM_DIR), { recursive: true, force: true }));
  const compileSeconds = await compile(dir, cxx, [meta.files.testbench, meta.files.top], binary).finally(undo);

  opts.onProgress?.(`running ${meta.samples} samples`);
  rmSync(join(dir, PROJECT_FILES.csimResults), { force: true });
  const args = opts.repeat ? [String(opts.repeat)] : [];
  const run = await runTool(join(dir, binary), args, dir);
  // exit 1 means "ran, some outputs differ": the comparison below reports them
  if (run.code !== 0 && run.code !== 1)
    throw fail('tool-failed', { file: dir }, `the testbench exited with ${run.code}: ${firstErrors(run.stderr + run.stdout)}`);

  const width = meta.output.size;
  const resultsPath = join(dir, PROJECT_FILES.csimResults);
  if (!existsSync(resultsPath)) throw fail('tool-failed', { file: dir }, `the testbench must write ${PROJECT_FILES.csimResults}, not exit without it`);
  const csimText = readFileSync(resultsPath, 'utf8');
  const predictionText = readFileSync(join(dir, PROJECT_FILES.predictions), 'utf8');
  const comparison = compareResults(csimText, predictionText, width, meta.outputs);
  const timed = /throughput: ([0-9.eE+-]+) samples\/s/.exec(run.stdout);
  return {
    ...comparison,
    compileSeconds,
    runSeconds: run.seconds,
    samplesPerSecond: timed ? Number(timed[1]) : comparison.samples / run.seconds,
  };
}

/** Compiles each source to an object file in parallel (the testbench and the firmware take similar time), then links. */
async function compile(dir: string, cxx: string, sources: readonly string[], binary: string): Promise<number> {
  const start = performance.now();
  const objects = sources.map((s) => join(CSIM_DIR, `${basename(s, '.cpp')}.o`));
  const builds = await Promise.all(sources.map((s, i) => runTool(cxx, [...CXX_FLAGS, '-c', s, '-o', objects[i]], dir)));
  const link = builds.every((b) => b.code === 0) ? [await runTool(cxx, [...objects, '-o', binary], dir)] : [];
  for (const build of [...builds, ...link]) {
    if (build.missing) throw fail('tool-missing', { file: dir }, `${cxx} must be installed to run the C simulation, not missing from PATH`);
    if (build.code !== 0) throw fail('tool-failed', { file: dir }, `${cxx} exited with ${build.code}: ${firstErrors(build.stderr)}`);
  }
  return (performance.now() - start) / 1000;
}
