import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, uniform } from '../backends/hls/graph-builders.ts';
import { OnnxModelBuilder } from '../fixtures/onnx-builder.ts';

/**
 * A tiny MLP written as an ONNX file (Gemm → Relu → Gemm → Softmax, sizes [nIn, nHidden, nOut]), for tests that go
 * through `compile` like the CLI does. Returns the model path inside a fresh temporary folder.
 */
export function tinyOnnxModel(sizes: [number, number, number] = [4, 6, 3], seed = 11): { dir: string; model: string } {
  const [a, h, o] = sizes;
  const rand = seededRandom(seed);
  const m = new OnnxModelBuilder({ name: 'tiny' }).input('x', ['N', a]);
  m.initializer('W1', [a, h], uniform(a * h, rand, -1, 1)).initializer('B1', [h], uniform(h, rand, -0.3, 0.3));
  m.initializer('W2', [h, o], uniform(h * o, rand, -1, 1)).initializer('B2', [o], uniform(o, rand, -0.3, 0.3));
  m.node('Gemm', ['x', 'W1', 'B1'], ['h'], {}, 'fc1').node('Relu', ['h'], ['r'], {}, 'relu1');
  m.node('Gemm', ['r', 'W2', 'B2'], ['z'], {}, 'fc2').node('Softmax', ['z'], ['y'], {}, 'softmax').output('y', ['N', o]);
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-tiny-'));
  const model = join(dir, 'tiny.onnx');
  writeFileSync(model, m.encode());
  return { dir, model };
}
