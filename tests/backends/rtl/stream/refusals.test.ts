import { describe, expect, it } from 'vitest';
import { planRtl } from '../../../../src/backends/rtl/index.ts';
import type { Graph } from '../../../../src/ir/graph.ts';
import { thrown } from '../../../helpers/thrown.ts';
import { configFor } from '../../../rtlsim/rtl-harness.ts';
import { twoInTwoOut } from '../../../rtlsim/branching-graphs.ts';
import { dag } from '../../../emulator/build-graph.ts';
import { recurrent, recurrentGraph } from '../../../rtlsim/recurrent-graphs.ts';

const stream = { ...configFor(), ioType: 'io_stream' as const };

describe('what the io_stream RTL backend refuses', () => {
  it('refuses graphs with several inputs or outputs with unsupported-topology', () => {
    const e = thrown(() => planRtl(twoInTwoOut(), stream));
    expect(e.code).toBe('unsupported-topology');
    expect(e.message).toBe('unsupported graph topology: io_stream RTL designs must have one input and one output layer, not 2 and 2');
  });

  it('refuses a transpose of a pixel stream with unsupported-op naming the layer', () => {
    const g: Graph = dag([
      { kind: 'input', name: 'x', shape: [4, 3] },
      { kind: 'transpose', name: 'flip', shape: [3, 4], perm: [1, 0], from: ['x'] },
    ]);
    const e = thrown(() => planRtl(g, stream));
    expect(e.code).toBe('unsupported-op');
    expect(e.message).toBe("layer 'flip' (transpose): unsupported operator: in io_stream, a transpose layer's input and output must be 1-D tensors (one transfer), not [3, 4]");
  });

  it('refuses a transpose that turns one pixel into several', () => {
    const g: Graph = dag([
      { kind: 'input', name: 'x', shape: [1, 6] },
      { kind: 'transpose', name: 'flip', shape: [6, 1], perm: [1, 0], from: ['x'] },
      { kind: 'reshape', name: 'flat', shape: [6], from: ['flip'] },
    ]);
    // [1, 6] is one pixel of 6 channels; [6, 1] six pixels of one: the transpose needs the whole tensor
    const e = thrown(() => planRtl(g, stream));
    expect(e.code).toBe('unsupported-op');
    expect(e.message).toContain("layer 'flip' (transpose)");
  });

  for (const kind of ['lstm', 'gru', 'simple_rnn'] as const)
    it(`refuses a ${kind} layer with one unsupported-op line (recurrent layers are io_parallel in the RTL backend)`, () => {
      const g = recurrentGraph(`${kind}_stream`, [recurrent(kind, 'cell', 1)], ['cell'], { shape: [4, 3], type: 'ap_fixed<16,6>' });
      const e = thrown(() => planRtl(g, stream));
      expect(e.code).toBe('unsupported-op');
      expect(e.message).toBe(`layer 'cell' (${kind}): unsupported operator: ${kind} layers are not yet supported by the RTL backend in io_stream`);
    });
});
