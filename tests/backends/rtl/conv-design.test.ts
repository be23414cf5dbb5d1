import { describe, expect, it } from 'vitest';
import { buildDesign } from '../../../src/backends/rtl/design.ts';
import { countModule } from '../../../src/backends/rtl/plan.ts';
import { checkUnrolled, MAX_UNROLLED_UNITS } from '../../../src/backends/rtl/layers/unroll-limit.ts';
import { writeVerilog } from '../../../src/backends/rtl/netlist/verilog.ts';
import { quantizeDouble, parseFixedType } from '../../../src/fixed/index.ts';
import type { Graph } from '../../../src/ir/graph.ts';
import { windowIndex, windowTaps } from '../../../src/ir/window.ts';
import { layerInitiationInterval } from '../../../src/ir/timing.ts';
import { dag } from '../../emulator/build-graph.ts';
import { thrown } from '../../helpers/thrown.ts';
import { configFor } from '../../rtlsim/rtl-harness.ts';
import { conv1dGraph, conv2dGraph } from '../../rtlsim/conv-graphs.ts';

const config = configFor();

describe('the io_parallel RTL of the convolution family', () => {
  for (const g of [conv2dGraph(), conv1dGraph()])
    it(`builds at most one multiplier per non-zero quantized weight and non-padding tap of every output position (${g.name})`, () => {
      const d = buildDesign(g, config);
      for (const p of d.layers) {
        const l = p.layer;
        if (l.kind !== 'conv' && l.kind !== 'depthwise_conv') continue;
        const x = g.layers[0].shape;
        const index = windowIndex(x.slice(0, -1), l);
        const taps = windowTaps(l);
        const w = Array.from(l.weights, (v) => quantizeDouble(v, l.precision.weight!));
        let products = 0;
        for (let k = 0; k < index.length; k++) {
          if (index[k] < 0) continue;
          const t = k % taps;
          const perTap = l.kind === 'conv' ? l.nIn * l.nOut : l.channels * l.multiplier;
          for (let i = 0; i < perTap; i++) if (w[t * perTap + i] !== 0) products++;
        }
        const { multipliers } = countModule(p.hw.module);
        // R = 1: a multiply per product at most (±2^k, shift-add products and repeats of an input × constant build none)
        if (l.reuseFactor === 1) expect(multipliers).toBeLessThanOrEqual(products);
        else expect(multipliers).toBeGreaterThanOrEqual(Math.ceil(products / l.reuseFactor));
        if (l.reuseFactor > 1) expect(multipliers).toBeLessThan(products);
      }
    });

  it('gives every layer the II of src/ir/timing.ts, and pad, crop and upsample are wires of latency 0', () => {
    for (const g of [conv2dGraph(), conv1dGraph()]) {
      const d = buildDesign(g, config);
      for (const p of d.layers) {
        expect(p.hw.ii).toBe(layerInitiationInterval(p.layer));
        if (['pad', 'crop', 'upsample'].includes(p.layer.kind)) {
          expect(p.hw.latency).toBe(0);
          expect(p.hw.module.cells.filter((c) => c.op === 'reg')).toEqual([]);
        }
      }
    }
  });

  it('names the model layer in every generated module', () => {
    const d = buildDesign(conv2dGraph(), config);
    for (const p of d.layers) expect(writeVerilog(p.hw.module)).toContain(`layer '${p.layer.name}' (${p.layer.kind})`);
  });

  it('refuses an io_parallel convolution over a large image with the estimate, pointing to io_stream', () => {
    const t = parseFixedType('ap_fixed<8,3>');
    const big: Graph = dag([
      { kind: 'input', name: 'image', shape: [64, 64, 3] },
      {
        kind: 'conv', name: 'conv1', shape: [64, 64, 4], kernel: [3, 3], strides: [1, 1], dilations: [1, 1], padBegin: [1, 1], padEnd: [1, 1],
        nIn: 3, nOut: 4, weights: new Float64Array(108).fill(0.5), bias: new Float64Array(4), precision: { weight: t },
      },
    ]);
    const e = thrown(() => buildDesign({ ...big, file: 'big.onnx' }, config));
    expect(e.code).toBe('too-large-for-io-parallel');
    // 64·64 positions × 4 filters × 27 taps, minus the padding taps of the border positions (4 × 3 × (4·64·3 − 4))
    const ops = 64 * 64 * 4 * 27 - 4 * 3 * (4 * 64 * 3 - 4);
    expect(e.message).toBe(
      `big.onnx: layer 'conv1' (conv): too large to unroll with IOType io_parallel: multipliers must be at most ${MAX_UNROLLED_UNITS}, not ${ops} ` +
        `(RTL estimate: ${ops} operations for 16384 outputs at ReuseFactor 1); supported: IOType: io_stream, or ReuseFactor ${Math.ceil(ops / MAX_UNROLLED_UNITS)} or more`,
    );
    // at that reuse factor it fits
    const rf = Math.ceil(ops / MAX_UNROLLED_UNITS);
    expect(() => checkUnrolled({ ...big.layers[1], reuseFactor: rf }, 'big.onnx', { operations: ops, unit: 'multipliers', outputs: 16384, shared: true })).not.toThrow();
  });

  it('refuses an io_parallel pooling layer over a large image, counting its comparators', () => {
    const big: Graph = dag([
      { kind: 'input', name: 'image', shape: [128, 128, 2] },
      { kind: 'pool', name: 'pool1', shape: [64, 64, 2], kernel: [2, 2], strides: [2, 2], dilations: [1, 1], padBegin: [0, 0], padEnd: [0, 0], op: 'max', countPad: false },
    ]);
    const e = thrown(() => buildDesign(big, config));
    expect(e.code).toBe('too-large-for-io-parallel');
    expect(e.message).toBe(
      `layer 'pool1' (pool): too large to unroll with IOType io_parallel: comparators must be at most ${MAX_UNROLLED_UNITS}, not ${64 * 64 * 2 * 3} ` +
        `(RTL estimate: ${64 * 64 * 2 * 3} operations for ${64 * 64 * 2} outputs); supported: IOType: io_stream`,
    );
  });
});
