import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hlsforge } from '../../helpers/cli.ts';
import { ready, writeKeras2Weights, type Weights } from './fixtures.ts';
import { tempDirForTest } from '../../helpers/temp.ts';
import { KERAS2_WEIGHTS, LAYER_NAMES, MODEL } from './model.ts';

beforeAll(ready);

/** A folder for the running test, holding tiny.json (the model, possibly edited) and tiny_weights.h5 (possibly edited). */
function project(model: unknown = MODEL, weights: Weights | null = KERAS2_WEIGHTS): string {
  const dir = tempDirForTest('keras');
  writeFileSync(join(dir, 'tiny.json'), JSON.stringify(model));
  if (weights) writeKeras2Weights(join(dir, 'tiny_weights.h5'), weights, LAYER_NAMES);
  return dir;
}

/** One catalogued line on stderr, exit code 1, and nothing written. */
function expectCleanFailure(dir: string, code: string, text: string): void {
  const before = readdirSync(dir).sort();
  const r = hlsforge(['convert', 'tiny.json', '-o', 'out'], { cwd: dir });
  expect(r.status).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toBe(`hlsforge: error[${code}]: ${text}`);
  expect(readdirSync(dir).sort()).toEqual(before);
}

/** MODEL with layer `name`'s entry replaced */
function withLayer(name: string, f: (l: Record<string, unknown>) => Record<string, unknown>): unknown {
  const m = structuredClone(MODEL) as unknown as { config: { layers: Record<string, unknown>[] } };
  m.config.layers = m.config.layers.map((l) => (l.name === name ? f(l) : l));
  return m;
}

describe('bad Keras input gives one catalogued error line and writes nothing', () => {
  it('reports a corrupt weights .h5 by name', () => {
    const dir = project();
    const h5 = join(dir, 'tiny_weights.h5');
    writeFileSync(h5, readFileSync(h5).subarray(0, 600));
    const r = hlsforge(['convert', 'tiny.json', '-o', 'out'], { cwd: dir });
    expect(r.stderr).toMatch(new RegExp(`^hlsforge: error\\[h5-parse\\]: ${h5}: not a valid HDF5 file: the 600 bytes are truncated or corrupt \\(.+\\)\\n$`));
    expect(r.status).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['tiny.json', 'tiny_weights.h5']);
  });

  it('reports a layer whose weights are missing from the .h5', () => {
    const dir = project(MODEL, { ...KERAS2_WEIGHTS, d3: {} });
    expectCleanFailure(dir, 'missing-weights', `${join(dir, 'tiny_weights.h5')}: layer 'd3' (Dense): weights for a layer are missing: variable 'kernel' [3, 2] must be in the weights file, not absent`);
  });

  it('says which weights file it looked for when there is none', () => {
    const dir = project(MODEL, null);
    expectCleanFailure(dir, 'missing-weights', `${join(dir, 'tiny.json')}: layer 'd1' (Dense): weights for a layer are missing: the weights must be in an HDF5 file given as KerasH5 or named tiny_weights.h5 beside the JSON, not absent`);
  });

  it('reports a kernel whose shape differs between the JSON and the .h5', () => {
    const dir = project(withLayer('d1', (l) => ({ ...l, config: { ...(l.config as object), units: 5 } })));
    expectCleanFailure(dir, 'shape-mismatch', `${join(dir, 'tiny_weights.h5')}: layer 'd1' (Dense): shape mismatch: variable 'kernel' must have shape [6, 5] (from the model config), not [6, 4]`);
  });

  it('reports a layer class it does not translate, with the supported classes', () => {
    const dir = project(withLayer('lrelu', (l) => ({ ...l, class_name: 'BinaryDense' })));
    const r = hlsforge(['convert', 'tiny.json', '-o', 'out'], { cwd: dir });
    expect(r.stderr).toMatch(new RegExp(`^hlsforge: error\\[unsupported-layer\\]: ${join(dir, 'tiny.json')}: layer 'lrelu' \\(BinaryDense\\): unsupported layer class: the class must be one hlsforge translates, not 'BinaryDense'; supported: InputLayer, Dense, QDense, .*\\n$`));
    expect(r.status).toBe(1);
  });

  it('reports a quantizer with a data-dependent scale, naming it and why', () => {
    const q = { class_name: 'quantized_bits', config: { bits: 4, integer: 0, symmetric: 1, alpha: 'auto_po2', keep_negative: true } };
    const dir = project(withLayer('d3', (l) => ({ ...l, class_name: 'QDense', config: { ...(l.config as object), kernel_quantizer: q } })));
    expectCleanFailure(dir, 'unsupported-quantizer', `${join(dir, 'tiny.json')}: layer 'd3' (QDense): unsupported quantizer: kernel_quantizer quantized_bits(bits=4, integer=0, symmetric=1, alpha="auto_po2", keep_negative=true): alpha must be None, 1 or a power of two, not "auto_po2" (a data-dependent scale: export the model with alpha=1)`);
  });

  it('reports a quantizer class QKeras has but hlsforge does not translate', () => {
    const dir = project(withLayer('lrelu', (l) => ({ ...l, class_name: 'QActivation', config: { name: 'lrelu', activation: 'quantized_ulaw(8, 0)' } })));
    expectCleanFailure(dir, 'unsupported-quantizer', `${join(dir, 'tiny.json')}: layer 'lrelu' (QActivation): unsupported quantizer: activation quantized_ulaw(8, 0): the quantizer must be one of quantized_bits, quantized_relu, quantized_po2, quantized_relu_po2, quantized_tanh, quantized_sigmoid, binary, ternary, not 'quantized_ulaw'`);
  });
});
