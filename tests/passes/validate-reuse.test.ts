import { describe, expect, it } from 'vitest';
import { randomInputs } from '../../src/data/random-inputs.ts';
import { emulate } from '../../src/emulator/index.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { validReuseFactors, validateReuse } from '../../src/passes/validate-reuse.ts';
import { mlpGraph } from '../helpers/graphs.ts';
import { configured, errorOf, yamlConfig } from './pass-helpers.ts';

describe('validate-reuse', () => {
  it('accepts exactly the reuse factors whose every cycle gets inputs', () => {
    expect(validReuseFactors(16)).toEqual([1, 2, 3, 4, 6, 8, 16]);
    expect(validReuseFactors(1)).toEqual([1]);
    expect(validReuseFactors(10)).toEqual([1, 2, 3, 4, 5, 10]);
    for (const n of [5, 16, 64])
      for (const r of validReuseFactors(n)) {
        const g = Math.ceil(n / r);
        expect((r - 1) * g).toBeLessThan(n); // the last cycle (inputs (R−1)·G …) is not empty
      }
  });

  it('leaves a graph with valid reuse factors unchanged', () => {
    const config = yamlConfig('HLSConfig: { Model: { ReuseFactor: 2 }, LayerName: { dense_2: { ReuseFactor: 5 } } }\n');
    const g = configured(mlpGraph([16, 10, 3]), config);
    const out = validateReuse.run(g, config);
    expect(out).toBe(g);
    verifyGraph(out, { configured: true });
    const x = randomInputs(20, 16, 1);
    expect(emulate(out, x.data, 20).output).toEqual(emulate(g, x.data, 20).output);
  });

  it('rejects an invalid reuse factor, listing the valid ones and naming the key', () => {
    const config = yamlConfig('HLSConfig: { LayerName: { dense_1: { ReuseFactor: 7 } } }\n');
    const e = errorOf(() => validateReuse.run(configured(mlpGraph([16, 10, 3]), config), config));
    expect(e.code).toBe('bad-reuse-factor');
    expect(e.message).toBe(
      `${config.file}: layer 'dense_1' (dense): key 'HLSConfig.LayerName.dense_1.ReuseFactor': invalid reuse factor: must be one of 1, 2, 3, 4, 6, 8, 16 for 16 inputs (every cycle must get inputs), not 7`,
    );
    const model = yamlConfig('HLSConfig: { Model: { ReuseFactor: 16 } }\n');
    expect(errorOf(() => validateReuse.run(configured(mlpGraph([16, 10, 3]), model), model)).message).toBe(
      `${model.file}: layer 'dense_2' (dense): key 'HLSConfig.Model.ReuseFactor': invalid reuse factor: must be one of 1, 2, 3, 4, 5, 10 for 10 inputs (every cycle must get inputs), not 16`,
    );
  });
});
