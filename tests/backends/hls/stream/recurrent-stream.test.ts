import { describe, expect, it } from 'vitest';
import { buildStreamProjectView } from '../../../../src/backends/hls/stream/build-stream-view.ts';
import { recurrentIterations } from '../../../../src/backends/hls/stream/recurrent-stream.ts';
import type { ProjectView } from '../../../../src/backends/hls/view-model.ts';
import type { Graph } from '../../../../src/ir/graph.ts';
import type { Layer } from '../../../../src/ir/layers.ts';
import { verifyGraph } from '../../../../src/ir/verify.ts';
import { dag } from '../../../emulator/build-graph.ts';
import { recurrentSpec } from '../../../csim/recurrent-specs.ts';
import { projectConfig } from '../graph-builders.ts';

const [T, F, U] = [6, 3, 2];

/** input → relu (one pack per cycle) → recurrent layer → relu, the recurrent layer at ReuseFactor `rf`. */
function viewOf(kind: 'lstm' | 'gru' | 'simple_rnn', rf: number, o: { returnSequences?: boolean; goBackwards?: boolean; reverseOutputs?: boolean } = {}): ProjectView {
  const shape = o.returnSequences ? [T, U] : [U];
  const g0 = dag(
    [
      { kind: 'input', name: 'x', shape: [T, F] },
      { kind: 'relu', name: 'pre', shape: [T, F] },
      recurrentSpec(kind, 'cell', 1, { from: 'pre', steps: T, nIn: F, units: U, ...o }),
      { kind: 'relu', name: 'post', shape, from: ['cell'] },
    ],
    ['post'],
  );
  const graph: Graph = { ...g0, layers: g0.layers.map((l) => (l.name === 'cell' ? ({ ...l, reuseFactor: rf } as Layer) : l)) };
  verifyGraph(graph, { configured: true });
  return buildStreamProjectView(graph, { ...projectConfig('p', '/tmp/unused'), ioType: 'io_stream' }, 'test');
}

const depthOf = (v: ProjectView, name: string): number => v.stream!.streams.find((s) => s.name === name)!.depth;

describe('recurrent layers in HLS io_stream', () => {
  it('calls the streaming kernel on the step streams with the io_parallel weights, tables and flags', () => {
    const v = viewOf('lstm', 1, { returnSequences: true, goBackwards: true, reverseOutputs: true });
    const call = v.stream!.processes.find((p) => p.call.startsWith('nnet::lstm_stream'))!;
    expect(call.call).toBe('nnet::lstm_stream<layer2_pack, layer3_pack, config3>(layer2_out, layer3_out, w3, wr3, b3, br3, act_table3, ract_table3, 0, 0, 0, 0)');
    expect(call.comment).toContain("'cell' (lstm)");
    expect(v.includes).toContain('nnet_recurrent_stream.h');
    const constants = Object.fromEntries(v.layers.find((l) => l.index === 3)!.config.constants.map((c) => [c.name, c.value]));
    expect(constants).toMatchObject({ n_steps: String(T), n_feat: String(F), n_units: String(U), return_sequences: '1', go_backwards: '1', reverse_outputs: '1' });
    // T packs of F values in, T packs of U values out
    const typedefs = v.stream!.typedefGroups.flatMap((g) => g.typedefs);
    expect(typedefs.find((t) => t.name === 'layer2_pack')!.cppType).toBe(`nnet::array<layer2_t, ${F}>`);
    expect(typedefs.find((t) => t.name === 'layer3_pack')!.cppType).toBe(`nnet::array<layer3_t, ${U}>`);
  });

  it('sizes the FIFO in front of a slow cell from the schedule: it holds what the producer writes ahead of one step every R cycles', () => {
    for (const rf of [1, 2, 3]) {
      // the producer writes step k at cycle k + 1; the cell reads step k at 1 + R·k; at the last write it has read ⌊(T−1)/R⌋ + 1
      const held = T - (Math.floor((T - 1) / rf) + 1);
      expect(depthOf(viewOf('gru', rf, { returnSequences: true }), 'layer2_out')).toBe(Math.max(2, held));
    }
    expect(depthOf(viewOf('lstm', 3, { returnSequences: true }), 'layer2_out')).toBe(4);
    // going backwards the kernel reads the whole sequence into its own buffer as it arrives: the FIFO stays at the minimum
    expect(depthOf(viewOf('lstm', 3, { goBackwards: true }), 'layer2_out')).toBe(2);
    // one output per sample without return_sequences; the consumer keeps up with either
    expect(depthOf(viewOf('simple_rnn', 3), 'layer3_out')).toBe(2);
  });

  it('plans T·R cycles of steps per sample, plus T cycles of buffering for each buffered direction', () => {
    const cycles = (o: Parameters<typeof recurrentIterations>[0]) => [...recurrentIterations(o)()].reduce((a, it) => a + it.cycles, 0);
    const writes = (o: Parameters<typeof recurrentIterations>[0]) => [...recurrentIterations(o)()].reduce((a, it) => a + it.writes, 0);
    const reads = (o: Parameters<typeof recurrentIterations>[0]) => [...recurrentIterations(o)()].reduce((a, it) => a + it.reads.length, 0);
    const base = { steps: T, reuseFactor: 3, returnSequences: true, goBackwards: false, reverseOutputs: false };
    expect(cycles(base)).toBe(T * 3);
    expect(cycles({ ...base, goBackwards: true })).toBe(T * 3 + T);
    expect(cycles({ ...base, goBackwards: true, reverseOutputs: true })).toBe(T * 3 + 2 * T);
    for (const o of [base, { ...base, goBackwards: true }, { ...base, reverseOutputs: true }]) {
      expect(reads(o)).toBe(T);
      expect(writes(o)).toBe(T);
      expect(writes({ ...o, returnSequences: false })).toBe(1);
    }
    expect(viewOf('gru', 2, { returnSequences: true }).pipelineII).toBe(T * 2);
    // the buffer is filled in the same process: a sample every T·R + T cycles going backwards
    expect(viewOf('lstm', 3, { goBackwards: true }).pipelineII).toBe(T * 3 + T);
  });

  it('holds the whole forward half of a Bidirectional layer while the backward half reads the sequence and reverses its outputs', () => {
    const g0 = dag(
      [
        { kind: 'input', name: 'x', shape: [T, F] },
        recurrentSpec('gru', 'fwd', 1, { from: 'x', steps: T, nIn: F, units: U, returnSequences: true }),
        recurrentSpec('gru', 'bwd', 2, { from: 'x', steps: T, nIn: F, units: U, returnSequences: true, goBackwards: true, reverseOutputs: true }),
        { kind: 'concatenate', name: 'bi', axis: 1, shape: [T, 2 * U], from: ['fwd', 'bwd'] },
      ],
      ['bi'],
    );
    verifyGraph(g0, { configured: true });
    const v = buildStreamProjectView(g0, { ...projectConfig('p', '/tmp/unused'), ioType: 'io_stream' }, 'test');
    // the forward half writes step k at cycle k + 2 (after its clone); the concatenation reads its first pair only
    // when the backward half writes its first held output, after T reads, T steps and a cycle: all T packs wait
    expect(depthOf(v, 'layer2_out')).toBe(T);
    expect(depthOf(v, 'layer3_out')).toBe(2);
  });
});
