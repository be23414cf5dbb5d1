import { fail } from '../diagnostics/diagnostic.ts';
import { layerByName, sizeOf, type Graph } from '../ir/graph.ts';
import type { Layer } from '../ir/layers.ts';
import { PARAMETERS } from '../ir/parameters.ts';
import type { ProjectConfig } from './project-config.ts';
import { keptValuesPerSample, MAX_KEPT_VALUES } from '../emulator/memory.ts';

/**
 * Sizes checked before any work starts, so a model far beyond what the chosen design can hold gets one clear error
 * with the count instead of minutes of emulation and a multi-gigabyte C++ file. The bounds follow what is built
 * (docs/errors.md, `too-large`):
 * - every IOType holds every weight in the design: at most MAX_PARAMETERS (~50× the largest designs that route);
 * - io_parallel unrolls every layer over its whole tensor: at most MAX_LAYER_ELEMENTS outputs per layer;
 * - io_stream hardware is independent of the image size except the line buffer of a windowed layer (convolution,
 *   depthwise convolution, pooling: kernel-height − 1 dilated rows of the padded input): at most MAX_LINE_BUFFER
 *   values. The image itself may be any size; the emulator then bounds its own memory (src/emulator/memory.ts).
 */
export const MAX_PARAMETERS = 1 << 20;
export const MAX_LAYER_ELEMENTS = 1 << 20;
export const MAX_LINE_BUFFER = 1 << 20;

type IoType = ProjectConfig['ioType'];

/** Values a windowed layer keeps in io_stream: the rows the window spans minus one, of the padded input. */
export function lineBufferValues(l: Layer, inShape: readonly number[]): number {
  if (l.kind !== 'conv' && l.kind !== 'depthwise_conv' && l.kind !== 'pool') return 0;
  const spatial = inShape.length - 1;
  const channels = inShape[spatial];
  const rows = (l.kernel[0] - 1) * l.dilations[0];
  if (spatial === 1) return rows * channels;
  const width = inShape[1] + l.padBegin[1] + l.padEnd[1];
  return rows * width * channels;
}

export function checkModelSize(g: Graph, ioType: IoType = 'io_parallel'): void {
  let total = 0;
  for (const l of g.layers) {
    const where = { file: g.file, layer: l.name, op: l.origin?.op ?? l.kind };
    const elements = sizeOf(l.shape);
    if (ioType === 'io_parallel' && elements > MAX_LAYER_ELEMENTS)
      throw fail(
        'too-large',
        where,
        `an io_parallel layer must have at most ${MAX_LAYER_ELEMENTS} outputs, not ${elements} ([${l.shape.join('×')}]); supported: IOType: io_stream (one pixel per transfer, hardware independent of the image size)`,
      );
    if (ioType === 'io_stream') {
      const source = l.inputs.length > 0 ? layerByName(g, l.inputs[0]) : undefined;
      const buffer = source ? lineBufferValues(l, source.shape) : 0;
      if (buffer > MAX_LINE_BUFFER)
        throw fail('too-large', where, `an io_stream line buffer must hold at most ${MAX_LINE_BUFFER} values, not ${buffer} (window rows over [${source!.shape.join('×')}])`);
    }
    const params = (PARAMETERS[l.kind] as (x: Layer) => readonly (readonly [string, ArrayLike<number>])[])(l).reduce((a, [, v]) => a + v.length, 0);
    total += params;
    if (total > MAX_PARAMETERS)
      throw fail('too-large', where, `the model must have at most ${MAX_PARAMETERS} parameters, not ${total} or more (this layer alone has ${params}); the design holds every weight in logic`);
  }
}

/**
 * The emulator's whole-batch arrays (src/emulator/memory.ts): batch × (input + output values per sample; every
 * layer's when traced) must stay within MAX_KEPT_VALUES, refused before the inputs are made, with the batch that fits.
 */
export function checkEmulationBatch(g: Graph, batch: number, trace = false): void {
  const perSample = keptValuesPerSample(g, trace);
  if (batch * perSample <= MAX_KEPT_VALUES) return;
  const fits = Math.max(1, Math.floor(MAX_KEPT_VALUES / perSample));
  throw fail(
    'too-large',
    { file: g.file },
    `the emulated batch must keep at most ${MAX_KEPT_VALUES} values, not ${batch * perSample} (${batch} samples × ${perSample} input and ${trace ? 'traced' : 'output'} values); supported: at most ${fits} samples (--samples, or fewer input rows)`,
  );
}
