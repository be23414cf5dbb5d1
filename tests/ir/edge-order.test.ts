import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { emulate } from '../../src/emulator/index.ts';
import { parseOnnx } from '../../src/frontends/onnx/index.ts';
import { channelsLastIndex, edgeOrders, type EdgeOrder } from '../../src/ir/edge-order.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { fixedType } from '../../src/fixed/fixed-type.ts';
import { applyConfig } from '../../src/passes/apply-config.ts';
import { cancelTranspose } from '../../src/passes/cancel-transpose.ts';
import { ints, OnnxModelBuilder } from '../fixtures/onnx-builder.ts';
import { ramp } from '../frontends/onnx/helpers.ts';

/** x [1, 2, 5, 4] (NCHW) → Conv 3×3 pad 1 (3 filters) → Relu → y [1, 3, 5, 4], transposes cancelled */
function convModel(): Graph {
  const m = new OnnxModelBuilder({ opset: 13 }).input('x', [1, 2, 5, 4]).initializer('W', [3, 2, 3, 3], ramp(54));
  m.node('Conv', ['x', 'W'], ['c'], { pads: ints([1, 1, 1, 1]) }, 'conv').node('Relu', ['c'], ['y'], {}, 'relu').output('y');
  const g = parseOnnx(m.encode(), 'edge.onnx', { defaultPrecision: fixedType(16, 6) });
  return cancelTranspose.run(g, loadConfig({ model: 'm.onnx' }));
}

/** The graph without its edge transposes: the input layer takes the channels-last shape, the output is the transpose's input. */
function stripped(g: Graph, input: EdgeOrder, output: EdgeOrder): Graph {
  const layers = g.layers
    .filter((l) => l.name !== input.transpose && l.name !== output.transpose)
    .map((l) => (l.kind === 'input' ? { ...l, shape: input.channelsLastShape } : { ...l, inputs: l.inputs.map((n) => (n === input.transpose ? input.layer : n)) }) as Layer);
  const last = g.layers.find((l) => l.name === output.transpose)!.inputs[0];
  return { ...g, layers, outputs: [last] };
}

describe('edge orders of a graph', () => {
  it('names the leading and trailing transposes of a channels-first ONNX model and their permutations', () => {
    const { inputs, outputs } = edgeOrders(convModel());
    expect(inputs).toEqual([{ layer: 'x', modelShape: [2, 5, 4], channelsLastShape: [5, 4, 2], transpose: 'conv_to_channels_last', perm: [1, 2, 0] }]);
    expect(outputs).toEqual([{ layer: 'conv_from_channels_last', modelShape: [3, 5, 4], channelsLastShape: [5, 4, 3], transpose: 'conv_from_channels_last', perm: [1, 2, 0] }]);
  });

  it('converts data so that the graph without its edge transposes computes the same values, bit for bit', () => {
    const g = applyConfig.run(convModel(), loadConfig({ model: 'm.onnx' }));
    const { inputs: [input], outputs: [output] } = edgeOrders(g);
    const x = Float64Array.from({ length: 40 }, (_v, i) => Math.sin(i * 0.7) * 3);
    const full = emulate(g, x, 1).output;
    const toCl = channelsLastIndex(input);
    const inner = emulate(stripped(g, input, output), Float64Array.from(toCl, (i) => x[i]), 1).output;
    const outCl = channelsLastIndex(output);
    expect(Array.from(inner)).toEqual(Array.from(outCl, (i) => full[i]));
  });

  it('reports the identity where the model order is the layers order (a channels-last model)', () => {
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', [1, 4, 4, 2]).initializer('W', [3, 3, 3, 2], ramp(54));
    m.node('Conv', ['x', 'W'], ['y'], {}, 'conv', 'qonnx.custom_op.channels_last').output('y');
    const { inputs, outputs } = edgeOrders(parseOnnx(m.encode(), 'cl.onnx', { defaultPrecision: fixedType(16, 6) }));
    expect([inputs[0].transpose, inputs[0].perm, outputs[0].transpose, outputs[0].perm]).toEqual([undefined, [0, 1, 2], undefined, [0, 1, 2]]);
  });
});
