import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRtlProject } from '../../../../src/backends/rtl/index.ts';
import { readVectors } from '../../../../src/data/vectors.ts';
import { streamEdges } from '../../../../src/backends/rtl/stream/edges.ts';
import { planRtl } from '../../../../src/backends/rtl/index.ts';
import type { Graph } from '../../../../src/ir/graph.ts';
import { dag } from '../../../emulator/build-graph.ts';
import { configFor } from '../../../rtlsim/rtl-harness.ts';

const stream = { ...configFor(), ioType: 'io_stream' as const };

/** x [C, H, W] = [2, 3, 4] channels-first → transpose to [3, 4, 2] → relu → transpose back to [2, 3, 4]. */
const channelsFirst = (): Graph =>
  dag([
    { kind: 'input', name: 'x', shape: [2, 3, 4] },
    { kind: 'transpose', name: 'to_last', shape: [3, 4, 2], perm: [1, 2, 0], from: ['x'] },
    { kind: 'relu', name: 'act', shape: [3, 4, 2], from: ['to_last'] },
    { kind: 'transpose', name: 'to_first', shape: [2, 3, 4], perm: [2, 0, 1], from: ['act'] },
  ]);

/** Port element (h, w, c) of a channels-last port is model element (c, h, w): c·H·W + h·W + w. */
function expectedGather(c: number, h: number, w: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) for (let k = 0; k < c; k++) out.push(k * h * w + i * w + j);
  return out;
}

describe('what the io_stream RTL builds at the edges of the graph', () => {
  it('leaves out the channels-first edge transposes and gives both ports the channels-last gather', () => {
    const e = streamEdges(channelsFirst());
    expect([...e.skipped].sort()).toEqual(['to_first', 'to_last']);
    expect(e.inputShape).toEqual([3, 4, 2]);
    expect([e.inputOrder?.modelShape, e.inputOrder?.channelsLastShape]).toEqual([[2, 3, 4], [3, 4, 2]]);
    expect(Array.from(e.inputOrder!.index)).toEqual(expectedGather(2, 3, 4));
    expect(Array.from(e.outputOrder!.index)).toEqual(expectedGather(2, 3, 4));
  });

  it('streams 12 pixels of 2 channels through a relu that the plan times, with no transpose module', () => {
    const plan = planRtl(channelsFirst(), stream);
    expect(plan.perLayer.map((l) => l.name)).toEqual(['act']);
  });

  it('writes the gather of each port to tb_data and states the element order in the generated README', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsforge-rtl-edges-'));
    try {
      const rows = Float64Array.from({ length: 2 * 24 }, (_, i) => (i % 7) - 3);
      writeRtlProject(channelsFirst(), stream, dir, { inputs: rows, predictions: rows.map((v) => Math.max(0, v)), batch: 2 });
      for (const side of ['input', 'output']) expect(Array.from(readVectors(join(dir, `tb_data/${side}_order.dat`), 24).data)).toEqual(expectedGather(2, 3, 4));
      const meta = JSON.parse(readFileSync(join(dir, 'hlsforge.json'), 'utf8'));
      expect(meta.stream.input.order).toEqual({ file: 'tb_data/input_order.dat', modelShape: [2, 3, 4], portShape: [3, 4, 2] });
      const readme = readFileSync(join(dir, 'README.md'), 'utf8');
      expect(readme).toContain("- `in_tdata`: 'x' is [2, 3, 4] (channels first) in the model file; the port streams it channels last, [3, 4, 2] in row-major order, so port element j is element order[j] of a `tb_data` row, with order in `tb_data/input_order.dat` (rtl-sim converts).");
      expect(readme).toContain("- `out_tdata`: 'to_first' is [2, 3, 4] (channels first)");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out a leading reshape that only adds an axis of size 1, and keeps the element order', () => {
    const g = dag([
      { kind: 'input', name: 'x', shape: [1, 4, 4] },
      { kind: 'reshape', name: 'last', shape: [4, 4, 1], from: ['x'] },
      { kind: 'relu', name: 'act', shape: [4, 4, 1], from: ['last'] },
    ]);
    const e = streamEdges(g);
    expect([[...e.skipped], e.inputShape, e.inputOrder, e.outputOrder]).toEqual([['last'], [4, 4, 1], undefined, undefined]);
  });

  it('builds a transpose inside the graph (it is refused later, not left out)', () => {
    const g = dag([
      { kind: 'input', name: 'x', shape: [4, 3] },
      { kind: 'relu', name: 'before', shape: [4, 3], from: ['x'] },
      { kind: 'transpose', name: 'flip', shape: [3, 4], perm: [1, 0], from: ['before'] },
      { kind: 'relu', name: 'after', shape: [3, 4], from: ['flip'] },
    ]);
    expect([...streamEdges(g).skipped]).toEqual([]);
  });
});
