import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readVectors } from '../../src/data/vectors.ts';
import { emulate } from '../../src/emulator/index.ts';
import { compile } from '../../src/pipeline.ts';
import { hlsforge } from '../helpers/cli.ts';
import { hasShared, sharedPath } from '../helpers/shared.ts';

const dir = mkdtempSync(join(tmpdir(), 'hlsforge-predict-cnn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const M = (p: string) => sharedPath(`models/${p}`);

/** `hlsforge predict …args -o <out>`: the predictions it wrote */
function predict(args: string[], out: string): Float64Array {
  const r = hlsforge(['predict', ...args, '-o', join(dir, out)]);
  expect(r.status, r.stderr).toBe(0);
  return readVectors(join(dir, out)).data;
}

describe.skipIf(!hasShared)('hlsforge predict on Keras CNNs', () => {
  for (const name of ['conv1d_1layer', 'conv2d_1layer', 'sigmoid', 'tanh']) {
    it(`example-prjs/${name}: --float reproduces tb_output_predictions.dat within 1e-5, and fixed point with its config.yml equals the emulator's`, () => {
      const d = M(`hls4ml/example-prjs/${name}`);
      const inputs = join(d, 'tb_input_features.dat');
      const want = readVectors(join(d, 'tb_output_predictions.dat')).data;
      const float = predict([join(d, `${name}.h5`), '-i', inputs, '--float'], `${name}-float.dat`);
      expect(float.length).toBe(want.length);
      float.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-5));
      const fixed = predict(['-c', join(d, 'config.yml'), '-i', inputs], `${name}-fixed.dat`);
      const x = readVectors(inputs);
      expect(Array.from(fixed)).toEqual(Array.from(emulate(compile({ configFile: join(d, 'config.yml') }).graph, x.data, x.batch).output));
    });
  }

  it('qkeras_mnist_cnn with its config: fixed-point predictions equal the emulator of the compiled graph, bit for bit, and --float its float evaluation', () => {
    const n = 8;
    const rows = Array.from({ length: n }, (_, s) => Array.from({ length: 784 }, (_v, i) => (((s * 784 + i) * 2654435761) % 1024) / 1024).join(' '));
    const inputs = join(dir, 'mnist.dat');
    writeFileSync(inputs, rows.join('\n') + '\n');
    const config = M('config-files/qkeras_mnist_cnn_config.yml');
    const fixed = predict(['-c', config, '-i', inputs], 'mnist-fixed.dat');
    const x = readVectors(inputs);
    const graph = compile({ configFile: config }).graph;
    expect(Array.from(fixed)).toEqual(Array.from(emulate(graph, x.data, n).output));
    const float = predict(['-c', config, '-i', inputs, '--float'], 'mnist-float.dat');
    expect(Array.from(float)).toEqual(Array.from(emulate(graph, x.data, n, { mode: 'float' }).output));
    // the two differ: ap_fixed<16,6> and table softmax vs float
    expect(float.some((v, i) => v !== fixed[i])).toBe(true);
  });
});
