import { describe, expect, it } from 'vitest';
import { removeIdentity } from '../../src/passes/remove-identity.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { emulate } from '../../src/emulator/index.ts';
import { applyConfig } from '../../src/passes/apply-config.ts';
import { mlpGraph } from '../helpers/graphs.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { randomInputs } from '../../src/data/random-inputs.ts';

describe('remove-identity', () => {
  it('removes identity layers and rewires their consumers, leaving outputs bit-identical', () => {
    const g = applyConfig.run(mlpGraph([6, 5, 3]), loadConfig({ model: 'm.onnx' }));
    // insert an identity (a Dropout) after the first activation, and one at the very end
    const layers: Layer[] = [];
    for (const l of g.layers) {
      if (l.name === 'dense_2') layers.push({ ...l, inputs: ['drop'] } as Layer);
      else layers.push(l);
      if (l.name === 'relu_1') layers.push({ ...l, kind: 'identity', name: 'drop', inputs: ['relu_1'] } as Layer);
    }
    layers.push({ ...g.layers[g.layers.length - 1], kind: 'identity', name: 'out_id', inputs: [g.outputs[0]] } as Layer);
    const withId = { ...g, layers, outputs: ['out_id'] };
    verifyGraph(withId);
    const removed = removeIdentity.run(withId, loadConfig({ model: 'm.onnx' }));
    verifyGraph(removed, { configured: true });
    expect(removed.layers.some((l) => l.kind === 'identity')).toBe(false);
    expect(removed.outputs).toEqual([g.outputs[0]]);
    const x = randomInputs(50, 6, 3);
    expect(Array.from(emulate(removed, x.data, 50).output)).toEqual(Array.from(emulate(withId, x.data, 50).output));
  });
});
