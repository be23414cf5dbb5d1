/**
 * `hlsforge verify`: one regression run of every implementation on the same inputs.
 *   compile → test vectors → emulate → HLS project + C simulation → RTL project + Verilator simulation → one table.
 */
import { join } from 'node:path';
import type { ConfigOverrides } from './config/load-config.ts';
import { runCsim } from './csim/index.ts';
import { emulate } from './emulator/index.ts';
import { compile, testVectors, writeProject } from './pipeline.ts';
import { checkHlsDesign } from './backends/hls/preflight.ts';
import { runRtlSim } from './rtlsim/index.ts';

export interface VerifyRow {
  readonly backend: 'emulator' | 'hls-csim' | 'rtl-sim';
  readonly outputsCompared: number;
  /** differing outputs against the emulator (the reference row has none by definition) */
  readonly mismatches: number;
  /** cycles, where the implementation is timed (RTL); measured and predicted */
  readonly latencyCycles?: number;
  readonly expectedLatencyCycles?: number;
  readonly ii?: number;
  readonly expectedIi?: number;
  readonly seconds: number;
}

export interface VerifyOptions {
  readonly model?: string;
  readonly configFile?: string;
  readonly overrides?: ConfigOverrides;
  readonly input?: string;
  readonly samples?: number;
  readonly seed?: number;
  /** where the HLS and RTL projects go (hls/ and rtl/ inside) */
  readonly workDir: string;
  readonly onProgress?: (msg: string) => void;
  /** replace existing project folders in workDir even if they hold files hlsforge did not write */
  readonly force?: boolean;
}

export interface VerifyResult {
  readonly project: string;
  readonly samples: number;
  readonly rows: readonly VerifyRow[];
  readonly ok: boolean;
}

export async function verify(opts: VerifyOptions): Promise<VerifyResult> {
  const say = opts.onProgress ?? (() => {});
  const { config, graph } = compile(opts);
  checkHlsDesign(graph, { backend: 'Vitis', ioType: config.ioType }); // verify always builds the HLS project
  const vectors = testVectors(graph, config, { input: opts.input, samples: opts.samples, seed: opts.seed });
  say(`emulating ${vectors.batch} samples`);
  const t0 = performance.now();
  const emulation = emulate(graph, vectors.data, vectors.batch);
  const data = { inputs: vectors.data, predictions: emulation.output, batch: vectors.batch };
  const rows: VerifyRow[] = [{ backend: 'emulator', outputsCompared: emulation.output.length, mismatches: 0, seconds: (performance.now() - t0) / 1000 }];

  const hlsDir = join(opts.workDir, 'hls');
  await writeProject(graph, { ...config, backend: config.backend === 'RTL' ? 'Vitis' : config.backend, outputDir: hlsDir }, hlsDir, data, { force: opts.force });
  const t1 = performance.now();
  const cs = await runCsim(hlsDir, { onProgress: (m) => say(`C simulation: ${m}`) });
  rows.push({ backend: 'hls-csim', outputsCompared: cs.outputsCompared, mismatches: cs.mismatches, seconds: (performance.now() - t1) / 1000 });

  const rtlDir = join(opts.workDir, 'rtl');
  await writeProject(graph, { ...config, backend: 'RTL', outputDir: rtlDir }, rtlDir, data, { force: opts.force });
  const t2 = performance.now();
  const rs = await runRtlSim(rtlDir, { onProgress: (m) => say(`RTL simulation: ${m}`) });
  rows.push({
    backend: 'rtl-sim',
    outputsCompared: rs.outputsCompared,
    mismatches: rs.mismatches,
    latencyCycles: rs.latencyCycles,
    expectedLatencyCycles: rs.expectedLatencyCycles,
    ii: rs.ii,
    expectedIi: rs.expectedIi,
    seconds: (performance.now() - t2) / 1000,
  });
  const expected = emulation.output.length;
  // an io_stream RTL simulation runs twice (free, then with random stalls) and compares both runs
  const runs = (r: VerifyRow) => (r.backend === 'rtl-sim' && rs.stalled ? 2 : 1);
  const ok = rows.every((r) => r.mismatches === 0 && r.outputsCompared === expected * runs(r)) && rs.latencyCycles === rs.expectedLatencyCycles && rs.ii === rs.expectedIi;
  return { project: config.projectName, samples: vectors.batch, rows, ok };
}
