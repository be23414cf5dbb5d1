/**
 * Issue 10's figures on real CNNs from the shared corpus (skipped when ../shared is absent): emulator throughput in
 * fixed point on mnist-conv (QONNX) and qkeras_mnist_cnn (its config), both io_stream, against the compiled C simulation of
 * the same project (the ratio), and the Verilator RTL simulation throughput of the same projects.
 */
import { join } from 'node:path';
import { runCsim } from '../src/csim/index.ts';
import { randomInputs } from '../src/data/random-inputs.ts';
import { compileEmulator } from '../src/emulator/index.ts';
import { compile, convert } from '../src/pipeline.ts';
import { runRtlSim } from '../src/rtlsim/index.ts';
import { hasShared, sharedPath } from '../tests/helpers/shared.ts';
import { best } from './timing.ts';

const MODELS = [
  // io_parallel would unroll 143648 products per cycle (refused): io_stream
  { name: 'mnist-conv (QONNX, io_stream)', model: 'models/qonnx/src/qonnx/data/onnx/mnist-conv/model.onnx' },
  { name: 'qkeras_mnist_cnn (its config, io_stream)', configFile: 'models/config-files/qkeras_mnist_cnn_config.yml' },
] as const;

export async function benchCnnModels(work: string, report: (what: string, value: string) => void, n = 200): Promise<void> {
  if (!hasShared) return void report('CNN models (shared corpus)', 'skipped: ../shared absent');
  const fmt = (v: number) => Math.round(v).toLocaleString('en');
  for (const [i, m] of MODELS.entries()) {
    const src = { model: 'model' in m ? sharedPath(m.model) : undefined, configFile: 'configFile' in m ? sharedPath(m.configFile) : undefined };
    const overrides = { ioType: 'io_stream', projectName: 'cnn' };
    const { graph } = compile({ ...src, overrides });
    const inputSize = graph.layers.filter((l) => l.kind === 'input').reduce((a, l) => a + l.shape.reduce((p, d) => p * d, 1), 0);
    const x = randomInputs(n, inputSize, 3);
    const emu = compileEmulator(graph);
    const rate = n / best(3, () => emu.run(x.data, n));
    report(`emulator, ${m.name}, fixed`, `${fmt(rate)} samples/s`);
    const prj = join(work, `cnn${i}`);
    await convert({ ...src, overrides: { ...overrides, outputDir: join(prj, 'hls') }, samples: n });
    const cs = await runCsim(join(prj, 'hls'), { repeat: 3 });
    report(`  C simulation of the same project`, `${fmt(cs.samplesPerSecond)} samples/s (${cs.mismatches} mismatches)`);
    report(`  ratio emulator / C-sim`, `${(rate / cs.samplesPerSecond).toFixed(2)}×`);
    await convert({ ...src, overrides: { ...overrides, outputDir: join(prj, 'rtl'), backend: 'RTL' }, samples: n });
    const rs = await runRtlSim(join(prj, 'rtl'), {});
    report(`  RTL simulation (Verilator)`, `${fmt(rs.samplesPerSecond)} samples/s (build ${rs.buildSeconds.toFixed(0)} s, latency ${rs.latencyCycles}, II ${rs.ii}, ${rs.mismatches} mismatches)`);
  }
}
