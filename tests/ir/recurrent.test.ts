import { describe, expect, it } from 'vitest';
import { STREAM_LAYERS } from '../../src/backends/rtl/stream/layers.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer, RecurrentLayer } from '../../src/ir/layers.ts';
import { parameterCount } from '../../src/ir/parameters.ts';
import { designInitiationInterval, layerInitiationInterval } from '../../src/ir/timing.ts';
import { verifyGraph } from '../../src/ir/verify.ts';
import { chain, type LayerSpec } from '../emulator/build-graph.ts';
import { thrown } from '../helpers/thrown.ts';

const [T, F, U] = [6, 2, 3];
const lstm = (o: Partial<RecurrentLayer> = {}): LayerSpec =>
  ({
    kind: 'lstm', name: 'rnn', shape: [U], units: U, nIn: F, steps: T, returnSequences: false, goBackwards: false, reverseOutputs: false,
    activation: { fn: 'tanh' }, recurrentActivation: { fn: 'sigmoid' }, tableSize: 1024,
    kernel: new Float64Array(F * 4 * U), recurrentKernel: new Float64Array(U * 4 * U), bias: new Float64Array(4 * U), recurrentBias: new Float64Array(4 * U),
    ...o,
  }) as LayerSpec;
const graph = (layer: LayerSpec, inShape = [T, F]): Graph => chain([{ kind: 'input', name: 'x', shape: inShape }, layer]);
const where = "layer 'rnn' (lstm)";

describe('recurrent layers in the IR', () => {
  it('verifies an LSTM with Keras-layout weights and counts its parameters (kernel, recurrent kernel, both biases)', () => {
    verifyGraph(graph(lstm()), { configured: true });
    expect(parameterCount(graph(lstm()).layers[1])).toBe(F * 12 + U * 12 + 12 + 12);
  });

  it('refuses an input that is not [steps, features], weights of the wrong size, a wrong output shape and a table size that is no power of two', () => {
    const message = (g: Graph) => thrown(() => verifyGraph(g)).message;
    expect(message(graph(lstm(), [T * F]))).toBe(`${where}: shape mismatch: input must be [${T}, ${F}] (time steps, features), not [${T * F}]`);
    expect(message(graph(lstm({ recurrentKernel: new Float64Array(5) })))).toBe(`${where}: shape mismatch: recurrent kernel must have ${U * 4 * U} elements, not 5`);
    expect(message(graph(lstm({ returnSequences: true })))).toBe(`${where}: shape mismatch: output shape must be [${T},${U}], not [${U}]`);
    expect(message(graph(lstm({ tableSize: 1000 })))).toBe(`${where}: unsupported attribute value: table size must be a power of two, not 1000`);
    expect(message(graph(lstm({ bias: Float64Array.of(...new Array(11).fill(0), NaN) })))).toBe(`${where}: weights must be finite numbers: element 11 is NaN`);
  });

  it('has II = T · ReuseFactor: one cell iterates the T steps, a step every R cycles', () => {
    const layer = graph(lstm()).layers[1];
    for (const r of [1, 4]) {
      const l = { ...layer, reuseFactor: r } as Layer;
      expect(layerInitiationInterval(l)).toBe(T * r);
      expect(designInitiationInterval({ ...graph(lstm()), layers: [graph(lstm()).layers[0], l] })).toBe(T * r);
    }
  });

  it('is refused by the io_stream RTL backend with the catalogued not-yet-supported error naming the layer (io_parallel generates it)', () => {
    const l = graph(lstm()).layers[1] as Layer;
    const e = thrown(() => (STREAM_LAYERS.lstm as (l: Layer) => unknown)(l));
    expect(e.code).toBe('unsupported-op');
    expect(e.message).toBe("layer 'rnn' (lstm): unsupported operator: lstm layers are not yet supported by the RTL backend in io_stream");
  });
});
