import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { checkEmulatorLimits } from '../../src/config/emulator-limits.ts';
import { thrown } from '../helpers/thrown.ts';
import { emulate } from '../../src/emulator/index.ts';
import { formatFixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { applyConfig } from '../../src/passes/apply-config.ts';
import { inferPrecision } from '../../src/passes/infer-precision.ts';
import { chain, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';
import { referenceEmulate } from '../emulator/reference.ts';

const dir = mkdtempSync(join(tmpdir(), 'hlsforge-rnn-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const [T, F, U] = [4, 3, 3];

function graphOf(kind: 'lstm' | 'gru' | 'simple_rnn', seed: number, extra: Record<string, unknown> = {}): Graph {
  const random = rng(seed);
  const g = { lstm: 4, gru: 3, simple_rnn: 1 }[kind] * U;
  const layer = {
    kind, name: 'rnn', shape: [U], units: U, nIn: F, steps: T, returnSequences: false, goBackwards: false, reverseOutputs: false,
    activation: { fn: 'tanh' }, recurrentActivation: { fn: 'sigmoid' }, resetAfter: true, tableSize: 1024,
    kernel: randomArray(random, F * g, 1), recurrentKernel: randomArray(random, U * g, 1), bias: randomArray(random, g, 0.5), recurrentBias: randomArray(random, g, 0.5),
    ...extra,
  } as unknown as LayerSpec;
  return chain([{ kind: 'input', name: 'x', shape: [T, F], precision: { result: 'ap_fixed<10,3,AP_RND,AP_SAT>' } }, layer]);
}

function config(yaml: string) {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, yaml);
  return loadConfig({ model: 'm.onnx', configFile: file });
}

describe('precision of recurrent layers', () => {
  it('configures recurrent_weight, recurrent_table and state by LayerType LSTM and LayerName, the recurrent table defaulting like every table', () => {
    const c = config(`HLSConfig:
  Model: {Precision: 'ap_fixed<14,5>'}
  LayerType:
    LSTM: {Precision: {state: 'ap_fixed<12,3>', recurrent_weight: 'ap_fixed<8,2>'}}
  LayerName:
    rnn: {Precision: {recurrent_table: 'ap_ufixed<10,0,AP_RND,AP_SAT>'}, ReuseFactor: 3}
`);
    const l = applyConfig.run(graphOf('lstm', 1), c).layers[1];
    const p = Object.fromEntries(Object.entries(l.precision).map(([k, t]) => [k, formatFixedType(t!)]));
    expect(p).toEqual({
      weight: 'ap_fixed<14,5>', recurrent_weight: 'ap_fixed<8,2>', bias: 'ap_fixed<14,5>', accum: 'ap_fixed<14,5>', param: 'ap_fixed<14,5>',
      table: 'ap_fixed<18,8,AP_RND,AP_SAT>', recurrent_table: 'ap_ufixed<10,0,AP_RND,AP_SAT>', state: 'ap_fixed<12,3>', result: 'ap_fixed<14,5>',
    });
    expect(l.reuseFactor).toBe(3);
  });

  it('refuses an accum wider than 53 bits in a recurrent layer before emulating (its gate sums are exact doubles)', () => {
    const g = applyConfig.run(graphOf('gru', 2), config(`HLSConfig:\n  LayerName:\n    rnn: {Precision: {accum: 'ap_fixed<60,20>'}}\n`));
    const e = thrown(() => checkEmulatorLimits(g));
    expect(e.code).toBe('unsupported-precision');
    expect(e.message).toBe("layer 'rnn' (gru): key 'Precision.accum': precision outside what the emulator computes exactly: must be at most 53 bits wide in a recurrent layer, not ap_fixed<60,20> (60 bits)");
  });

  for (const [kind, extra] of [['lstm', {}], ['gru', { resetAfter: true }], ['gru', { resetAfter: false }], ['simple_rnn', {}]] as const) {
    it(`infers for ${kind}${'resetAfter' in extra ? ` (reset_after ${extra.resetAfter})` : ''} an auto accum that never overflows and an auto result holding the state exactly`, () => {
      const c = config(`HLSConfig:
  Model: {Precision: {default: 'ap_fixed<12,4,AP_RND,AP_SAT>', accum: auto, result: auto}}
`);
      const g = inferPrecision.run(applyConfig.run(graphOf(kind, 7, extra), c), c);
      verifyGraph(g, { configured: true });
      const l = g.layers[1] as Layer;
      expect(formatFixedType(l.precision.result)).toBe('ap_fixed<12,4>'); // the state's range, exact modes
      expect(l.precision.accum!.width).toBeGreaterThan(12);
      const batch = 300;
      const x = randomArray(rng(3), batch * T * F, 6);
      const run = emulate(g, x, batch);
      expect(run.overflowsByVar.rnn?.accum ?? 0).toBe(0);
      expect(run.overflowsByVar.rnn?.result ?? 0).toBe(0);
      expect(Array.from(run.output)).toEqual(referenceEmulate(g, x, batch).output);
    });
  }
});
