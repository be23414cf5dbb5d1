/**
 * Issue 11's figures on hls4ml's example LSTM (20 steps × 6 features → LSTM 16 → Dense 5, ap_fixed<16,6>) from the
 * shared corpus (skipped when absent), all on the same configured graph: emulator throughput (fixed point and float),
 * the compiled C simulation of the same project in io_parallel and io_stream with the ratio emulator / C-sim, and the
 * Verilator RTL simulation of the same model (io_parallel; fewer samples: the build dominates), or one line
 * "RTL backend pending" with the refusal whenever the RTL backend refuses a layer of it.
 */
import { join } from 'node:path';
import { runCsim } from '../src/csim/index.ts';
import { randomInputs } from '../src/data/random-inputs.ts';
import { isHlsforgeError } from '../src/diagnostics/diagnostic.ts';
import { compileEmulator, emulate } from '../src/emulator/index.ts';
import { compile, convert } from '../src/pipeline.ts';
import { runRtlSim } from '../src/rtlsim/index.ts';
import { hasShared, sharedPath } from '../tests/helpers/shared.ts';
import { best } from './timing.ts';

const LSTM = 'models/hls4ml/example-models/keras/KERAS_lstm_model.json';
type Report = (what: string, value: string) => void;
const fmt = (v: number) => Math.round(v).toLocaleString('en');

export async function benchRecurrent(work: string, report: Report, n = 2000): Promise<void> {
  if (!hasShared) return void report('KERAS_lstm_model (shared corpus)', 'skipped: ../shared absent');
  const model = sharedPath(LSTM);
  const { graph } = compile({ model, overrides: { projectName: 'lstm' } });
  const x = randomInputs(10_000, 120, 3);
  const emu = compileEmulator(graph);
  const rate = 10_000 / best(3, () => emu.run(x.data, 10_000));
  report('emulator, KERAS_lstm_model, fixed point', `${fmt(rate)} samples/s`);
  report('emulator, KERAS_lstm_model, float', `${fmt(10_000 / best(3, () => emulate(graph, x.data, 10_000, { mode: 'float' })))} samples/s`);
  for (const ioType of ['io_parallel', 'io_stream'] as const) {
    const prj = join(work, `lstm-${ioType}`);
    await convert({ model, overrides: { outputDir: prj, projectName: 'lstm', ioType }, samples: n });
    const cs = await runCsim(prj, { repeat: 3 });
    report(`  C simulation, ${ioType}`, `${fmt(cs.samplesPerSecond)} samples/s (compile ${cs.compileSeconds.toFixed(1)} s, ${cs.mismatches} mismatches)`);
    report(`  ratio emulator / C-sim, ${ioType}`, `${(rate / cs.samplesPerSecond).toFixed(2)}×`);
  }
  await benchRecurrentRtl(join(work, 'lstm-rtl'), model, report, Math.min(n, 300));
}

/** The RTL simulation of the same model; while the RTL backend refuses a layer of it, one line saying so. */
async function benchRecurrentRtl(outputDir: string, model: string, report: Report, n: number): Promise<void> {
  try {
    await convert({ model, overrides: { outputDir, projectName: 'lstm', backend: 'RTL' }, samples: n });
  } catch (e) {
    if (isHlsforgeError(e) && e.code === 'unsupported-op') return void report('  RTL simulation (Verilator)', `RTL backend pending (${e.message})`);
    throw e;
  }
  const rs = await runRtlSim(outputDir, {});
  report('  RTL simulation (Verilator)', `${fmt(rs.samplesPerSecond)} samples/s (build ${rs.buildSeconds.toFixed(0)} s, latency ${rs.latencyCycles}, II ${rs.ii}, ${rs.mismatches} mismatches)`);
}
