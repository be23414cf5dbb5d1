import { fail } from '../../../diagnostics/diagnostic.ts';
import type { Layer } from '../../../ir/layers.ts';

/**
 * io_parallel unrolls every output position of an image: beyond this many arithmetic units (multipliers, or the
 * comparators/adders of a pooling layer) in one layer, the design is larger than any FPGA (the largest UltraScale+
 * parts have ~12 000 DSP slices) and its Verilog takes hours to synthesize. Such layers are refused before any
 * netlist is built, with the count, pointing to io_stream, whose hardware does not grow with the image. (The HLS
 * backend's bound is lower, 4096 products per cycle: Vivado HLS's unroll limit, backends/hls/emitters/parallel-limit.ts.)
 */
export const MAX_UNROLLED_UNITS = 1 << 14;

/**
 * Refuse an io_parallel layer of `operations` arithmetic operations per sample (`units` of hardware once shared over
 * the reuse factor, when `shared`): one catalogued `too-large-for-io-parallel` line in the grammar of the HLS
 * refusal (docs/errors.md), with the RTL figures and what would fit.
 */
export function checkUnrolled(layer: Layer, file: string | undefined, what: { operations: number; unit: 'multipliers' | 'comparators' | 'adders'; outputs: number; shared: boolean }): void {
  const rf = what.shared ? Math.max(1, layer.reuseFactor) : 1;
  const units = Math.ceil(what.operations / rf);
  if (units <= MAX_UNROLLED_UNITS) return;
  const fits = what.shared ? `, or ReuseFactor ${Math.ceil(what.operations / MAX_UNROLLED_UNITS)} or more` : '';
  throw fail(
    'too-large-for-io-parallel',
    { file, layer: layer.name, op: layer.origin?.op ?? layer.kind },
    `${what.unit} must be at most ${MAX_UNROLLED_UNITS}, not ${units} (RTL estimate: ${what.operations} operations for ${what.outputs} outputs` +
      `${what.shared ? ` at ReuseFactor ${rf}` : ''}); supported: IOType: io_stream${fits}`,
  );
}
