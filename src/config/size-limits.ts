import { fail } from '../diagnostics/diagnostic.ts';
import { sizeOf, type Graph } from '../ir/graph.ts';

/**
 * Sizes checked before any work starts, so a model far beyond what an io_parallel design can hold gets one clear
 * error with the count instead of minutes of emulation and a multi-gigabyte C++ file. An io_parallel FPGA design
 * holds every weight in logic: 2^20 parameters is already ~50× the largest designs that place and route.
 */
export const MAX_PARAMETERS = 1 << 20;
export const MAX_LAYER_ELEMENTS = 1 << 20;

export function checkModelSize(g: Graph): void {
  let total = 0;
  for (const l of g.layers) {
    const where = { file: g.file, layer: l.name, op: l.origin?.op ?? l.kind };
    const elements = sizeOf(l.shape);
    if (elements > MAX_LAYER_ELEMENTS) throw fail('too-large', where, `a layer must have at most ${MAX_LAYER_ELEMENTS} outputs, not ${elements} ([${l.shape.join('×')}])`);
    const params = l.kind === 'dense' ? l.weights.length + l.bias.length : l.kind === 'batchnorm' ? l.scale.length + l.bias.length : 0;
    total += params;
    if (total > MAX_PARAMETERS)
      throw fail('too-large', where, `the model must have at most ${MAX_PARAMETERS} parameters, not ${total} or more (this layer alone has ${params}); an io_parallel design holds every weight in logic`);
  }
}
