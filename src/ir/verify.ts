import { fail } from '../diagnostics/diagnostic.ts';
import { sizeOf, type Graph } from './graph.ts';
import type { Layer } from './layers.ts';
import { KINDS } from './kinds.ts';

/**
 * Structural invariants of a graph; run after every pass in tests and once before the backends.
 * Throws a diagnostic naming the layer that breaks one.
 */
export function verifyGraph(g: Graph, opts: { configured?: boolean } = {}): void {
  const seen = new Map<string, Layer>();
  for (const l of g.layers) {
    const where = { file: g.file, layer: l.name, op: l.origin?.op ?? l.kind };
    if (seen.has(l.name)) throw fail('unsupported-topology', where, 'layer names must be unique');
    for (const i of l.inputs) if (!seen.has(i)) throw fail('unsupported-topology', where, `input '${i}' must be produced by an earlier layer`);
    if (l.kind === 'input' ? l.inputs.length !== 0 : l.inputs.length !== 1)
      throw fail('unsupported-topology', where, `must have ${l.kind === 'input' ? 'no' : 'exactly one'} input, not ${l.inputs.length}`);
    if (!l.shape.every((d) => Number.isInteger(d) && d > 0)) throw fail('shape-mismatch', where, `shape must be positive integers, not [${l.shape}]`);
    const inShape = l.inputs.length ? seen.get(l.inputs[0])!.shape : l.shape;
    if (l.kind === 'dense') {
      if (l.nIn !== sizeOf(inShape)) throw fail('shape-mismatch', where, `input size must be ${l.nIn}, not ${sizeOf(inShape)}`);
      if (l.weights.length !== l.nIn * l.nOut || l.bias.length !== l.nOut || sizeOf(l.shape) !== l.nOut)
        throw fail('shape-mismatch', where, `weights must be ${l.nIn}×${l.nOut} with ${l.nOut} biases`);
      finite(l.weights, where);
      finite(l.bias, where);
    } else if (KINDS[l.kind].elementwise && l.kind !== 'input' && sizeOf(l.shape) !== sizeOf(inShape)) {
      throw fail('shape-mismatch', where, `output size must equal input size ${sizeOf(inShape)}, not ${sizeOf(l.shape)}`);
    }
    if (l.kind === 'batchnorm') {
      const c = l.shape[l.shape.length - 1];
      if (l.scale.length !== c || l.bias.length !== c) throw fail('shape-mismatch', where, `scale and bias must have ${c} elements`);
      finite(l.scale, where);
      finite(l.bias, where);
    }
    if (l.kind === 'quant') {
      const c = l.shape[l.shape.length - 1];
      for (const [what, a] of [['scale', l.scale], ['zero point', l.zeroPoint]] as const)
        if (a.length !== 1 && a.length !== c) throw fail('shape-mismatch', where, `quantizer ${what} must have 1 or ${c} elements, not ${a.length}`);
      if (opts.configured) throw fail('unsupported-op', where, 'QONNX quantizers must be lowered by the import-qonnx pass before the backends');
    }
    if (opts.configured) for (const v of KINDS[l.kind].precisionVars) if (!l.precision[v]) throw fail('bad-precision', where, `precision '${v}' must be set`);
    seen.set(l.name, l);
  }
  for (const o of g.outputs) if (!seen.has(o)) throw fail('unsupported-topology', { file: g.file, layer: o }, 'output must be a layer of the graph');
}

function finite(a: Float64Array, where: { file?: string; layer: string; op: string }): void {
  const bad = a.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) throw fail('bad-weights', where, `element ${bad} is ${a[bad]}`);
}
