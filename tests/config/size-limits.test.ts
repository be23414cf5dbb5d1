import { describe, expect, it } from 'vitest';
import { checkEmulationBatch, checkModelSize, MAX_LAYER_ELEMENTS, MAX_LINE_BUFFER, MAX_PARAMETERS } from '../../src/config/size-limits.ts';
import { chunkRows, CHUNK_ROWS, MAX_KEPT_VALUES, WORKING_SET_VALUES } from '../../src/emulator/memory.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { chain, conv, depthwiseConv } from '../emulator/build-graph.ts';
import { thrown } from '../helpers/thrown.ts';

const file = 'seg.onnx';
/** The shape of separable_conv_model: a 512×512×3 image, a 3×3 depthwise and a 1×1 pointwise convolution to 16 channels. */
function separableLike(): Graph {
  const image = [512, 512, 3];
  const dw = depthwiseConv('dw', image, 1, { kernel: [3, 3], padding: 'same' });
  const pw = conv('pw', dw.shape, 16, { kernel: [1, 1] });
  return { ...chain([{ kind: 'input', name: 'x', shape: image }, dw, pw]), file };
}

describe('size limits follow what the design builds', () => {
  it('refuses a 512×512×16 layer in io_parallel, naming the count and io_stream', () => {
    const e = thrown(() => checkModelSize(separableLike(), 'io_parallel'));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe(
      `${file}: layer 'pw' (conv): exceeds a size limit: an io_parallel layer must have at most ${MAX_LAYER_ELEMENTS} outputs, not ${512 * 512 * 16} ([512×512×16]); ` +
        'supported: IOType: io_stream (one pixel per transfer, hardware independent of the image size)',
    );
  });

  it('accepts the same 512×512×16 layers in io_stream, where only line buffers and weights scale', () => {
    expect(() => checkModelSize(separableLike(), 'io_stream')).not.toThrow();
  });

  it('refuses an io_stream convolution whose line buffer (two rows of a 65536-wide, 9-channel image) exceeds the bound', () => {
    const image = [4, 65536, 9];
    const c = conv('tall', image, 1, { kernel: [3, 1] });
    const e = thrown(() => checkModelSize({ ...chain([{ kind: 'input', name: 'x', shape: image }, c]), file }, 'io_stream'));
    expect(e.code).toBe('too-large');
    const buffer = 2 * 65536 * 9;
    expect(buffer).toBeGreaterThan(MAX_LINE_BUFFER);
    expect(e.message).toBe(`${file}: layer 'tall' (conv): exceeds a size limit: an io_stream line buffer must hold at most ${MAX_LINE_BUFFER} values, not ${buffer} (window rows over [4×65536×9])`);
  });

  it('counts convolution weights against the parameter bound in every IOType', () => {
    const image = [2, 2, 1024];
    const c = conv('wide', image, 1025, { kernel: [1, 1] });
    const params = 1024 * 1025 + 1025;
    for (const io of ['io_parallel', 'io_stream'] as const) {
      const e = thrown(() => checkModelSize({ ...chain([{ kind: 'input', name: 'x', shape: image }, c]), file }, io));
      expect(e.code).toBe('too-large');
      expect(e.message).toBe(
        `${file}: layer 'wide' (conv): exceeds a size limit: the model must have at most ${MAX_PARAMETERS} parameters, not ${params} or more (this layer alone has ${params}); the design holds every weight in logic`,
      );
    }
  });

  it('refuses an emulated batch whose inputs and outputs exceed the emulator bound, naming the batch that fits', () => {
    const g = separableLike();
    const perSample = 512 * 512 * 3 + 512 * 512 * 16;
    const fits = Math.floor(MAX_KEPT_VALUES / perSample);
    expect(() => checkEmulationBatch(g, fits)).not.toThrow();
    const e = thrown(() => checkEmulationBatch(g, fits + 1));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe(
      `${file}: exceeds a size limit: the emulated batch must keep at most ${MAX_KEPT_VALUES} values, not ${(fits + 1) * perSample} ` +
        `(${fits + 1} samples × ${perSample} input and output values); supported: at most ${fits} samples (--samples, or fewer input rows)`,
    );
  });
});

describe('the emulator chunks large images', () => {
  it('runs a small graph in chunks of 128 samples and a 512×512 image graph in chunks within the working set', () => {
    expect(chunkRows(chain([{ kind: 'input', name: 'x', shape: [16] }, { kind: 'relu', name: 'r', shape: [16] }]))).toBe(CHUNK_ROWS);
    const perSample = 512 * 512 * (3 + 3 + 16);
    expect(chunkRows(separableLike())).toBe(Math.floor(WORKING_SET_VALUES / perSample));
    expect(chunkRows(separableLike()) * perSample).toBeLessThanOrEqual(WORKING_SET_VALUES);
  });
});
