import { describe, expect, it } from 'vitest';
import { HLS_EMITTERS } from '../../src/backends/hls/emitters/registry.ts';
import { RTL_LAYERS } from '../../src/backends/rtl/layers/index.ts';
import { KERNELS } from '../../src/emulator/kernels/index.ts';
import { HLS_RULES } from '../../src/estimate/hls/model.ts';
import { KINDS } from '../../src/ir/kinds.ts';
import { PARAMETERS } from '../../src/ir/parameters.ts';
import { LAYER_II } from '../../src/ir/timing.ts';
import { RULES } from '../../src/passes/precision/rules/index.ts';

/** tsc already refuses a registry that misses a kind; this also catches an entry that is undefined or not callable. */
const REGISTRIES: Record<string, Record<string, unknown>> = {
  'emulator kernels': KERNELS,
  'HLS emitters': HLS_EMITTERS,
  'RTL generators': RTL_LAYERS,
  'precision rules': RULES,
  'HLS estimate model': HLS_RULES,
  'parameter lists': PARAMETERS,
  'initiation intervals': LAYER_II,
};

describe('every stage handles every layer kind', () => {
  const kinds = Object.keys(KINDS).sort();
  for (const [stage, registry] of Object.entries(REGISTRIES))
    it(`the ${stage} have exactly one handler per kind`, () => {
      expect(Object.keys(registry).sort()).toEqual(kinds);
      for (const k of kinds) {
        const h = registry[k] as unknown;
        const callable = typeof h === 'function' || (typeof h === 'object' && h !== null && Object.values(h).every((f) => typeof f === 'function'));
        expect(callable, `${stage}: ${k}`).toBe(true);
      }
    });

  it('the kind table states arity, precision variables and data movement for every kind', () => {
    for (const [k, info] of Object.entries(KINDS)) {
      expect(['none', 'one', 'two', 'many'], k).toContain(info.arity);
      expect(info.precisionVars, k).toContain('result');
      if (info.passThrough) expect(info.hasWeights, k).toBe(false);
    }
  });
});
