import { fail } from '../../../diagnostics/diagnostic.ts';
import type { Layer } from '../../../ir/layers.ts';

/**
 * io_parallel unrolls every output position of an image: beyond this many arithmetic units (multipliers, or the
 * comparators/adders of a pooling layer) in one layer, the design is larger than any FPGA (the largest UltraScale+
 * parts have ~12 000 DSP slices) and its Verilog takes hours to synthesize. Such layers are refused before any
 * netlist is built, with the count, pointing to io_stream, whose hardware does not grow with the image.
 */
export const MAX_UNROLLED_UNITS = 1 << 14;

/**
 * Refuse an io_parallel layer of `operations` arithmetic operations per sample, `units` of hardware once shared over
 * the reuse factor: one catalogued `too-large` line with the estimate (docs/errors.md).
 */
export function checkUnrolled(layer: Layer, file: string | undefined, what: { operations: number; units: number; unit: string; outputs: number }): void {
  if (what.units <= MAX_UNROLLED_UNITS) return;
  throw fail(
    'too-large',
    { file, layer: layer.name, op: layer.origin?.op ?? layer.kind },
    `an io_parallel layer must have at most ${MAX_UNROLLED_UNITS} ${what.unit}, not ${what.units} ` +
      `(RTL estimate: ${what.operations} operations for ${what.outputs} outputs, reuse factor ${layer.reuseFactor}); ` +
      `supported: IOType: io_stream (one pixel per transfer, hardware independent of the image size)`,
  );
}
