import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHlsProject } from '../../../../src/backends/hls/index.ts';
import { buildStreamProjectView } from '../../../../src/backends/hls/stream/build-stream-view.ts';
import { sizeOf, type Graph } from '../../../../src/ir/graph.ts';
import { verifyGraph } from '../../../../src/ir/verify.ts';
import { dag, randomArray, rng, type LayerSpec } from '../../../emulator/build-graph.ts';
import { thrown } from '../../../helpers/thrown.ts';
import { projectConfig } from '../graph-builders.ts';

type Spec = LayerSpec & { from?: string[] };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function write(graph: Graph): string {
  verifyGraph(graph, { configured: true });
  const dir = mkdtempSync(join(tmpdir(), 'hlsforge-stream-layout-'));
  dirs.push(dir);
  const inSize = graph.layers.filter((l) => l.kind === 'input').reduce((a, l) => a + sizeOf(l.shape), 0);
  const outSize = graph.outputs.reduce((a, o) => a + sizeOf(graph.layers.find((l) => l.name === o)!.shape), 0);
  writeHlsProject(graph, { ...projectConfig('myproject', dir), ioType: 'io_stream' }, dir, { inputs: new Float64Array(inSize), predictions: new Float64Array(outSize), batch: 1 });
  return dir;
}

/** conv 3×3 → max pool 2×2 over an n×n×3 image, given channels first (with a transpose to channels last) or last */
function convPool(n: number, channelsFirst = false): Graph {
  return dag(
    [
      { kind: 'input', name: 'img', shape: channelsFirst ? [3, n, n] : [n, n, 3] },
      ...(channelsFirst ? ([{ kind: 'transpose', name: 'nhwc', shape: [n, n, 3], perm: [1, 2, 0], from: ['img'] }] as Spec[]) : []),
      { kind: 'conv', name: 'c', shape: [n, n, 4], from: [channelsFirst ? 'nhwc' : 'img'], nIn: 3, nOut: 4, kernel: [3, 3], strides: [1, 1], dilations: [1, 1], padBegin: [1, 1], padEnd: [1, 1], weights: randomArray(rng(3), 108, 1), bias: randomArray(rng(4), 4, 1) },
      { kind: 'pool', name: 'p', shape: [n / 2, n / 2, 4], from: ['c'], op: 'max', countPad: false, kernel: [2, 2], strides: [2, 2], dilations: [1, 1], padBegin: [0, 0], padEnd: [0, 0] },
      ...(channelsFirst ? ([{ kind: 'transpose', name: 'nchw', shape: [4, n / 2, n / 2], perm: [2, 0, 1], from: ['p'] }] as Spec[]) : []),
    ] as Spec[],
    [channelsFirst ? 'nchw' : 'p'],
  );
}

const FILES = ['firmware/myproject.cpp', 'firmware/myproject.h', 'firmware/defines.h', 'firmware/parameters.h', 'myproject_test.cpp'];

describe('an io_stream project in the hls4ml layout', () => {
  it('writes a DATAFLOW top over hls::stream ports whose code does not grow with the image', () => {
    const small = write(convPool(16));
    const large = write(convPool(256));
    const top = readFileSync(join(large, 'firmware/myproject.cpp'), 'utf8');
    expect(top).toContain('void myproject(hls::stream<input_t> &input_1, hls::stream<result_t> &layer3_out)');
    expect(top).toContain('#pragma HLS DATAFLOW');
    expect(top).toMatch(/#pragma HLS STREAM variable = layer2_out depth = \d+/);
    expect(top).toContain("// layer 2 'c' (conv)");
    expect(readFileSync(join(large, 'firmware/defines.h'), 'utf8')).toContain('typedef nnet::array<input_elem_t, 3> input_t;');
    // only the numbers (extents, depths) differ: a few characters, whatever the image size
    for (const f of FILES) expect(Math.abs(readFileSync(join(large, f), 'utf8').length - readFileSync(join(small, f), 'utf8').length)).toBeLessThan(40);
  });

  it('moves the edge transposes of a channels-first model (NCHW → NHWC in, back out) into the testbench: the firmware streams pixels', () => {
    const n = 8;
    const dir = write(convPool(n, true));
    const top = readFileSync(join(dir, 'firmware/myproject.cpp'), 'utf8');
    expect(top).not.toContain('transpose');
    expect(top).toContain('nnet::conv_stream<input_t, layer3_pack, config3>(input_1, layer3_out, w3, b3)');
    const order = readFileSync(join(dir, 'tb_data/input_1_order.dat'), 'utf8').trim().split(' ').map(Number);
    // port value j = (pixel p, channel c) comes from row value c·n·n + p
    expect(order).toEqual(Array.from({ length: 3 * n * n }, (_, j) => (j % 3) * n * n + Math.floor(j / 3)));
    // the output port streams the pool's channels-last pixels; value j = (pixel p, channel c) is row value c·(n/2)² + p
    expect(top).toContain('nnet::max_pool_stream<layer3_pack, layer4_pack, config4>(layer3_out, layer5_out)');
    const m = (n / 2) ** 2;
    const back = readFileSync(join(dir, 'tb_data/layer5_out_order.dat'), 'utf8').trim().split(' ').map(Number);
    expect(back).toEqual(Array.from({ length: 4 * m }, (_, j) => (j % 4) * m + Math.floor(j / 4)));
  });

  it('refuses a spatial data move over three spatial axes with one catalogued line', () => {
    const graph = dag([
      { kind: 'input', name: 'vol', shape: [2, 3, 4, 2] },
      { kind: 'pad', name: 'pad3d', shape: [4, 3, 4, 2], from: ['vol'], padBegin: [1, 0, 0], padEnd: [1, 0, 0] },
    ] as Spec[]);
    verifyGraph(graph, { configured: true });
    const e = thrown(() => buildStreamProjectView(graph, { ...projectConfig('p', '/tmp/unused'), ioType: 'io_stream' }, 'test'));
    expect(e.code).toBe('unsupported-attribute');
    expect(e.message).toBe(
      "layer 'pad3d' (pad): unsupported attribute value: the input must have 1 or 2 spatial axes in io_stream, not 3 ([2,3,4,2]); supported: [length, channels], [height, width, channels]",
    );
  });
});
