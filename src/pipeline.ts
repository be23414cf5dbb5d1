/**
 * The whole flow of `hlsforge convert`, as named steps:
 *   load config → parse model (frontend) → passes → verify → test vectors → emulate → write project (HLS or RTL backend).
 */
import type { ConfigOverrides } from './config/load-config.ts';
import { loadConfig } from './config/load-config.ts';
import type { ProjectConfig } from './config/project-config.ts';
import { readVectors, type Vectors } from './data/vectors.ts';
import { randomInputs } from './data/random-inputs.ts';
import { emulatePausing, type EmulationResult } from './emulator/index.ts';
import { loadModel } from './frontends/load-model.ts';
import { inputLayers, sizeOf, type Graph } from './ir/graph.ts';
import { verifyGraph } from './ir/verify.ts';
import { runPasses, type Pass } from './passes/pass.ts';
import { PASSES } from './passes/index.ts';
import type { RtlDesignInfo } from './backends/rtl/index.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDirAtomically } from './util/atomic-dir.ts';
import { yieldToSignals } from './util/interrupt.ts';
import { checkEmulatorLimits } from './config/emulator-limits.ts';
import { checkHlsDesign } from './backends/hls/preflight.ts';
import { checkEmulationBatch, checkModelSize } from './config/size-limits.ts';
import { reportSamples } from './report/limits.ts';

export interface ConvertOptions {
  readonly model?: string;
  readonly configFile?: string;
  readonly overrides?: ConfigOverrides;
  /** random test vectors when no InputData is given */
  readonly samples?: number;
  readonly seed?: number;
  readonly onPass?: (pass: Pass, graph: Graph) => void;
  readonly onStep?: (step: string) => void;
  /** replace an existing output folder even if it holds files hlsforge did not write */
  readonly force?: boolean;
  /** write report.html (docs/report.md) into the project (the CLI's default; costs a float run and an estimate) */
  readonly report?: boolean;
}

export interface ConvertResult {
  readonly config: ProjectConfig;
  readonly graph: Graph;
  readonly vectors: Vectors;
  readonly emulation: EmulationResult;
  /** latency and II of the generated design (RTL backend) */
  readonly rtl?: RtlDesignInfo;
}

export interface TestData {
  readonly inputs: Float64Array;
  readonly predictions: Float64Array;
  readonly batch: number;
}

/** Back half: write the project of the configured backend into `dir`, atomically. */
export async function writeProject(graph: Graph, config: ProjectConfig, dir: string, data: TestData, opts: { force?: boolean; files?: Record<string, string> } = {}): Promise<RtlDesignInfo | undefined> {
  let rtl: RtlDesignInfo | undefined;
  // loaded on demand: commands that write no project (predict, estimate) start without the backends' templates
  const backend = config.backend === 'RTL' ? await import('./backends/rtl/index.ts') : await import('./backends/hls/index.ts');
  await writeDirAtomically(
    dir,
    (tmp) => {
      if ('writeRtlProject' in backend) rtl = backend.writeRtlProject(graph, config, tmp, data);
      else backend.writeHlsProject(graph, config, tmp, data);
      for (const [name, text] of Object.entries(opts.files ?? {})) writeFileSync(join(tmp, name), text);
    },
    { file: config.file, force: opts.force },
  );
  return rtl;
}

/** Front half of every command: config, model, passes, verified graph. */
export function compile(opts: ConvertOptions): { config: ProjectConfig; graph: Graph } {
  const config = loadConfig({ model: opts.model, configFile: opts.configFile, overrides: opts.overrides });
  opts.onStep?.('parse');
  const parsed = loadModel(config.model, config);
  checkModelSize(parsed, config.ioType);
  const graph = runPasses(parsed, config, PASSES, opts.onPass);
  verifyGraph(graph, { configured: true });
  checkEmulatorLimits(graph);
  return { config, graph };
}

/** Random test vectors made when no input file is given. */
export const DEFAULT_SAMPLES = 1000;

export function testVectors(graph: Graph, config: ProjectConfig, opts: { input?: string; samples?: number; seed?: number }): Vectors {
  // a row holds every input layer's tensor, one after another (docs/arithmetic.md "Inputs and outputs of a graph")
  const width = inputLayers(graph).reduce((a, l) => a + sizeOf(l.shape), 0);
  const file = opts.input ?? config.inputData;
  return file ? readVectors(file, width) : randomInputs(opts.samples ?? DEFAULT_SAMPLES, width, opts.seed ?? 1);
}

export async function convert(opts: ConvertOptions): Promise<ConvertResult> {
  const { config, graph } = compile(opts);
  checkHlsDesign(graph, config); // what the HLS backend refuses is refused before the emulation, not after
  await yieldToSignals();
  opts.onStep?.('emulate');
  // random rows are checked before they are made; a file's rows once read
  if (!config.inputData) checkEmulationBatch(graph, opts.samples ?? DEFAULT_SAMPLES);
  const vectors = testVectors(graph, config, { samples: opts.samples, seed: opts.seed });
  if (config.inputData) checkEmulationBatch(graph, vectors.batch);
  // a long batch returns to the event loop every few chunks, so Ctrl-C stops it promptly
  // the report profiles every layer's outputs: when they fit, this one run keeps them (src/report/limits.ts)
  const trace = !!opts.report && reportSamples(graph, vectors.batch) === vectors.batch;
  const emulation = await emulatePausing(graph, vectors.data, vectors.batch, yieldToSignals, { trace });
  await yieldToSignals();
  const files: Record<string, string> = {};
  if (opts.report) {
    opts.onStep?.('report');
    const { projectReportPage, PROJECT_REPORT } = await import('./report/project-report.ts');
    const inputs = config.inputData ?? `random (${vectors.batch} normal vectors, seed ${opts.seed ?? 1})`;
    files[PROJECT_REPORT] = await projectReportPage(graph, config, vectors, { inputs, pause: yieldToSignals, fixed: emulation });
  }
  opts.onStep?.('write');
  const rtl = await writeProject(graph, config, config.outputDir, { inputs: vectors.data, predictions: emulation.output, batch: vectors.batch }, { force: opts.force, files });
  return { config, graph, vectors, emulation, rtl };
}
