/**
 * `npm run bench`: speed figures and ratios (never asserted by tests).
 *   - start-up: `hlsforge --version` and `hlsforge predict` on the jet tagger to its first prediction (bench/startup.ts)
 *   - convert time of the jet tagger (parse → passes → emulate 1000 vectors → write project)
 *   - emulator throughput, fixed point and float (samples/s); a small CNN against a dense model of the same MACs;
 *     hls4ml's example LSTM with its C simulation (io_parallel, io_stream), ratio, RTL simulation (bench/recurrent.ts)
 *   - compiled C simulation throughput of the same model, and the ratio emulator / C-sim
 *   - Verilator build time and RTL simulation throughput
 *   - Keras import time of the jet tagger against the ONNX path
 *   - real CNNs (mnist-conv, qkeras_mnist_cnn): emulator / C-sim of the same project, RTL simulation (bench/cnn-models.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert, compile } from '../src/pipeline.ts';
import { compileEmulator, emulate } from '../src/emulator/index.ts';
import { randomInputs } from '../src/data/random-inputs.ts';
import { runCsim } from '../src/csim/index.ts';
import { runRtlSim } from '../src/rtlsim/index.ts';
import { best } from './timing.ts';
import { benchKerasImport } from './keras-import.ts';
import { measureStartup } from './startup.ts';
import { benchConvEmulator } from './conv-emulator.ts';
import { benchRecurrent } from './recurrent.ts';
import { benchCnnModels } from './cnn-models.ts';

const MODEL = 'examples/jet_tagger/jet_tagger.onnx';
const CONFIG = 'examples/jet_tagger/config.yml';
const work = mkdtempSync(join(tmpdir(), 'hlsforge-bench-'));
const rows: [string, string][] = [];
const report = (what: string, value: string) => {
  rows.push([what, value]);
  console.log(`${what.padEnd(48)} ${value}`);
};

try {
  // 0. start-up of the binary (whole processes)
  const s = measureStartup();
  report('hlsforge --version (process, best of 5)', `${(s.version * 1000).toFixed(0)} ms (node -e 0: ${(s.node * 1000).toFixed(0)} ms)`);
  report('hlsforge predict jet tagger, first prediction', `${(s.predict * 1000).toFixed(0)} ms (uncached, tsx on the fly: ${(s.predictUncached * 1000).toFixed(0)} ms)`);

  // 1. convert
  let k = 0;
  const tConvert: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await convert({ model: MODEL, configFile: CONFIG, overrides: { outputDir: join(work, `prj${k++}`) } });
    tConvert.push((performance.now() - t0) / 1000);
  }
  report('convert jet tagger (1000 test vectors), best of 5', `${(Math.min(...tConvert) * 1000).toFixed(1)} ms`);
  const { graph } = compile({ model: MODEL, configFile: CONFIG });
  const tCompile = best(5, () => compile({ model: MODEL, configFile: CONFIG }));
  report('  of which parse + passes + verify', `${(tCompile * 1000).toFixed(1)} ms`);
  await benchKerasImport(work, report);

  // 2. emulator throughput
  const N = 100_000;
  const x = randomInputs(N, 16, 3);
  const fixed = compileEmulator(graph);
  const tFixed = best(3, () => fixed.run(x.data, N));
  const tFloat = best(3, () => emulate(graph, x.data, N, { mode: 'float' }));
  const emuFixed = N / tFixed;
  report('emulator, fixed point (ap_fixed<16,6>)', `${Math.round(emuFixed).toLocaleString('en')} samples/s`);
  report('emulator, float', `${Math.round(N / tFloat).toLocaleString('en')} samples/s`);
  benchConvEmulator(report);
  await benchRecurrent(work, report);

  // 3. C simulation throughput (same model, same precision)
  const prj = join(work, 'csim');
  await convert({ model: MODEL, configFile: CONFIG, overrides: { outputDir: prj }, samples: 10_000 });
  const cs = await runCsim(prj, { repeat: 10 });
  report('C simulation (g++ -O2, our ap_fixed headers)', `${Math.round(cs.samplesPerSecond).toLocaleString('en')} samples/s (compile ${cs.compileSeconds.toFixed(1)} s, ${cs.mismatches} mismatches)`);
  report('ratio emulator / C-sim', `${(emuFixed / cs.samplesPerSecond).toFixed(2)}×`);

  // 4. RTL: Verilator build time and simulated throughput
  const rtl = join(work, 'rtl');
  await convert({ model: MODEL, configFile: CONFIG, overrides: { outputDir: rtl, backend: 'RTL' }, samples: 10_000 });
  const rs = await runRtlSim(rtl, {});
  report('Verilator build of the jet tagger', `${rs.buildSeconds.toFixed(1)} s`);
  report('RTL simulation (Verilator)', `${Math.round(rs.samplesPerSecond).toLocaleString('en')} samples/s (latency ${rs.latencyCycles} cycles, II ${rs.ii}, ${rs.mismatches} mismatches)`);

  // 5. real CNNs (issue 10): emulator vs C simulation of the same project, and RTL simulation
  await benchCnnModels(work, report);
} finally {
  rmSync(work, { recursive: true, force: true });
}
