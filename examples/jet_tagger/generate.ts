/**
 * Writes examples/jet_tagger/: jet_tagger.onnx (the hls4ml jet-tagging MLP 16 → 64 → 32 → 32 → 5, ReLU, softmax,
 * trained here on synthetic data), config.yml and inputs.dat. Deterministic: the same bytes on every run.
 *   node bin/run-ts.js examples/jet_tagger/generate.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OnnxModelBuilder, int } from '../../tests/fixtures/onnx-builder.ts';
import { JetDataSource, N_CLASSES, N_FEATURES, type Dataset } from './dataset.ts';
import { Mlp, accuracy, train } from './mlp.ts';
import { Prng } from './prng.ts';

export const JET_TAGGER_SIZES = [N_FEATURES, 64, 32, 32, N_CLASSES] as const;
const SEED = 20240611;
const N_INPUT_SAMPLES = 200;

const CONFIG = `# hls4ml-style configuration of the jet-tagging example
OnnxModel: jet_tagger.onnx
OutputDir: jet_tagger_prj
ProjectName: jet_tagger
Part: xcvu9p-flga2104-2L-e
ClockPeriod: 5
IOType: io_parallel
Backend: Vitis
HLSConfig:
  Model:
    Precision: ap_fixed<16,6>
    ReuseFactor: 1
    Strategy: Latency
`;

/** The trained MLP as ONNX: Gemm (transB = 1, weights stored [out][in] as PyTorch exports them) + Relu, Softmax. */
export function jetTaggerOnnx(mlp: Mlp): Uint8Array {
  const m = new OnnxModelBuilder({ opset: 13, irVersion: 7, name: 'jet_tagger' });
  m.input('input', ['batch', N_FEATURES]);
  let x = 'input';
  mlp.layers.forEach((l, k) => {
    const transposed = Float64Array.from({ length: l.nIn * l.nOut }, (_, q) => l.w[(q % l.nIn) * l.nOut + Math.floor(q / l.nIn)]);
    m.initializer(`fc${k + 1}.weight`, [l.nOut, l.nIn], transposed).initializer(`fc${k + 1}.bias`, [l.nOut], l.b);
    m.node('Gemm', [x, `fc${k + 1}.weight`, `fc${k + 1}.bias`], [`fc${k + 1}`], { transB: int(1) }, `fc${k + 1}`);
    const last = k === mlp.layers.length - 1;
    const act = last ? 'softmax' : `relu${k + 1}`;
    m.node(last ? 'Softmax' : 'Relu', [`fc${k + 1}`], [act], last ? { axis: int(-1) } : {}, act);
    x = act;
  });
  m.output(x, ['batch', N_CLASSES]);
  return m.encode();
}

/** hls4ml .dat: one sample per line, space-separated; 5 decimals (exactly what every reader then sees) */
function datLines(data: Dataset, n: number): string {
  const lines = Array.from({ length: n }, (_, s) =>
    Array.from(data.x.subarray(s * N_FEATURES, (s + 1) * N_FEATURES), (v) => (Math.abs(v) < 5e-6 ? '0.00000' : v.toFixed(5))).join(' '),
  );
  return lines.join('\n') + '\n';
}

export function generateJetTagger(outDir: string): { accuracy: number } {
  const rng = new Prng(SEED);
  const source = new JetDataSource(rng);
  const trainSet = source.sample(6000);
  const testSet = source.sample(2000);
  const mlp = new Mlp(JET_TAGGER_SIZES, rng);
  train(mlp, trainSet, rng, { epochs: 12, batch: 64, lr: 2e-3 });
  // the model stores float32: round once so the reported accuracy is that of the stored weights
  for (const l of mlp.layers) [l.w, l.b].forEach((p) => p.forEach((v, i) => (p[i] = Math.fround(v))));
  writeFileSync(join(outDir, 'jet_tagger.onnx'), jetTaggerOnnx(mlp));
  writeFileSync(join(outDir, 'config.yml'), CONFIG);
  writeFileSync(join(outDir, 'inputs.dat'), datLines(testSet, N_INPUT_SAMPLES));
  return { accuracy: accuracy(mlp, testSet) };
}

export const JET_TAGGER_DIR = dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const { accuracy: acc } = generateJetTagger(JET_TAGGER_DIR);
  console.log(`jet_tagger: wrote ${JET_TAGGER_DIR} (test accuracy ${(100 * acc).toFixed(1)}%)`);
}
