import { describe, expect, it } from 'vitest';
import { emulate, emulatePausing } from '../../src/emulator/index.ts';
import { inputLayers, sizeOf } from '../../src/ir/graph.ts';
import { mergeOfTwo } from '../rtlsim/branching-graphs.ts';
import { randomArray, rng } from './build-graph.ts';

const graph = mergeOfTwo();
const width = inputLayers(graph).reduce((a, l) => a + sizeOf(l.shape), 0);
const batch = 5_000;
const inputs = randomArray(rng(3), batch * width, 6);

describe('emulatePausing', () => {
  for (const mode of ['fixed', 'float'] as const) {
    it(`gives the same outputs, overflows and trace as emulate and pauses every 16 chunks of 128 samples (${mode})`, async () => {
      let pauses = 0;
      const paused = await emulatePausing(graph, inputs, batch, async () => void pauses++, { mode, trace: true });
      const plain = emulate(graph, inputs, batch, { mode, trace: true });
      expect(paused).toEqual(plain);
      expect(pauses).toBe(Math.floor(Math.ceil(batch / 128) / 16));
      if (mode === 'fixed') expect(Object.values(plain.overflows).some((n) => n > 0)).toBe(true);
    });
  }

  it('stops at the first pause that throws, without finishing the batch', async () => {
    let pauses = 0;
    const stop = async () => {
      pauses++;
      throw new Error('stop');
    };
    await expect(emulatePausing(graph, inputs, batch, stop)).rejects.toThrow('stop');
    expect(pauses).toBe(1);
  });
});
