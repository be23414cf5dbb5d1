import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { formatFixedType, parseFixedType } from '../../src/fixed/index.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { applyConfig } from '../../src/passes/apply-config.ts';
import { HlsforgeError } from '../../src/diagnostics/diagnostic.ts';
import { mlpGraph } from '../helpers/graphs.ts';

const T = parseFixedType;

describe('apply-config', () => {
  it('fills every precision variable each kind uses, with table defaults for tables', () => {
    const g = applyConfig.run(mlpGraph([4, 3, 2]), loadConfig({ model: 'm.onnx' }));
    verifyGraph(g, { configured: true });
    const dense = g.layers.find((l) => l.kind === 'dense')!;
    expect(Object.keys(dense.precision).sort()).toEqual(['accum', 'bias', 'result', 'weight']);
    const sm = g.layers.find((l) => l.kind === 'softmax')!;
    expect(formatFixedType(sm.precision.exp_table!)).toBe('ap_fixed<18,8,AP_RND,AP_SAT>');
    expect(formatFixedType(sm.precision.accum!)).toBe('ap_fixed<18,8,AP_RND,AP_SAT>');
    expect(formatFixedType(sm.precision.result)).toBe('ap_fixed<16,6>');
  });

  it('applies Model < LayerType < LayerName', () => {
    const base = loadConfig({ model: 'm.onnx', overrides: { precision: 'ap_fixed<10,4>', reuseFactor: 2 } });
    const config = {
      ...base,
      layerType: { dense: { precision: { accum: T('ap_fixed<20,8>') }, strategy: 'resource' as const } },
      layerName: { dense_2: { precision: { accum: T('ap_fixed<24,8,AP_RND,AP_SAT>') }, reuseFactor: 1 } },
    };
    const g = applyConfig.run(mlpGraph([4, 3, 2]), config);
    const [d1, d2] = g.layers.filter((l) => l.kind === 'dense');
    expect(formatFixedType(d1.precision.accum!)).toBe('ap_fixed<20,8>');
    expect(formatFixedType(d1.precision.weight!)).toBe('ap_fixed<10,4>');
    expect([d1.reuseFactor, d1.strategy]).toEqual([2, 'resource']);
    expect(formatFixedType(d2.precision.accum!)).toBe('ap_fixed<24,8,AP_RND,AP_SAT>');
    expect(d2.reuseFactor).toBe(1);
  });

  it('reports a LayerName the model does not have, listing the layers', () => {
    const config = { ...loadConfig({ model: 'm.onnx' }), layerName: { dense_9: { reuseFactor: 2 } } };
    try {
      applyConfig.run(mlpGraph([4, 3, 2]), config);
      expect.unreachable();
    } catch (e) {
      expect((e as HlsforgeError).code).toBe('config-unknown-layer');
      expect((e as HlsforgeError).message).toContain("key 'HLSConfig.LayerName.dense_9': configuration names a layer the model does not have: did you mean 'dense_1'?");
    }
  });
});
