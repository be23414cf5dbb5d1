import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.ts';
import { emulate } from '../../../src/emulator/index.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { PASSES } from '../../../src/passes/index.ts';
import { runPasses } from '../../../src/passes/pass.ts';
import { referenceEmulate } from '../../emulator/reference.ts';
import { residualModel } from '../../fixtures/residual-model.ts';
import { kinds, parse } from './helpers.ts';
import { expectFloatMatchesOrt, sampleRows } from './ort-graph.ts';

describe('a residual model with two inputs, a skip Add, a Concatenate and two outputs', () => {
  const m = residualModel();
  const g = parse(m);

  it('translates every graph input into an input layer and lists the outputs in order', () => {
    expect(kinds(g)).toEqual(['input', 'input', 'dense', 'relu', 'merge', 'dense', 'batchnorm', 'relu', 'concatenate', 'dense', 'merge', 'merge']);
    expect(g.layers.filter((l) => l.kind === 'input').map((l) => [l.name, l.shape])).toEqual([['a', [8]], ['b', [4]]]);
    expect(g.outputs).toEqual(['fc3', 'maximum']);
    expect(g.layers.filter((l) => l.kind === 'merge').map((l) => [l.name, l.kind === 'merge' && l.op, l.inputs])).toEqual([
      ['skip', 'add', ['relu1', 'a']],
      ['product', 'multiply', ['relu1', 'a']],
      ['maximum', 'maximum', ['product', 'skip']],
    ]);
  });

  it('computes in float mode what onnxruntime computes (1e-5), before and after the passes', async () => {
    await expectFloatMatchesOrt(g, m.encode(), 32);
    const compiled = runPasses(g, loadConfig({ model: 'residual.onnx' }), PASSES);
    expect(kinds(compiled)).not.toContain('batchnorm'); // the bias of fc2 is fused
    await expectFloatMatchesOrt(compiled, m.encode(), 32);
  });

  it('emulates bit-exactly what the BigInt oracle computes, overflows included', () => {
    const compiled = runPasses(g, loadConfig({ model: 'residual.onnx' }), PASSES);
    verifyGraph(compiled, { configured: true });
    const rows = sampleRows(compiled, 500, 3);
    const got = emulate(compiled, rows, 500);
    const want = referenceEmulate(compiled, rows, 500);
    expect(got.output.length).toBe(500 * 11);
    expect(Array.from(got.output)).toEqual(want.output);
    expect(got.overflowsByVar).toEqual(want.overflowsByVar);
    expect(new Set(got.output).size).toBeGreaterThan(1000);
  });
});
