import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, uniform } from '../backends/hls/graph-builders.ts';
import { OnnxModelBuilder } from '../fixtures/onnx-builder.ts';

/**
 * The smallest model worth synthesizing (Gemm 3 → 2, Relu) as an ONNX file in a fresh temporary folder: Yosys maps
 * each point in seconds, so a sweep of a few points through Yosys (locally or on Slurm) fits a CI budget.
 */
export function synthModel(): { dir: string; model: string } {
  const rand = seededRandom(5);
  const m = new OnnxModelBuilder({ name: 'synth' }).input('x', ['N', 3]);
  m.initializer('W', [3, 2], uniform(6, rand, -1, 1)).initializer('B', [2], uniform(2, rand, -0.3, 0.3));
  m.node('Gemm', ['x', 'W', 'B'], ['h'], {}, 'fc').node('Relu', ['h'], ['y'], {}, 'relu').output('y', ['N', 2]);
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-synth-model-'));
  const model = join(dir, 'synth.onnx');
  writeFileSync(model, m.encode());
  return { dir, model };
}
