import { compile } from '../../src/pipeline.ts';
import { emulate } from '../../src/emulator/index.ts';
import { loadModel } from '../../src/frontends/load-model.ts';
import { fuseBias } from '../../src/passes/fuse-bias.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { ProjectConfig } from '../../src/config/project-config.ts';

/**
 * Which layer of the un-lowered QONNX graph each layer of the compiled graph computes. Same name: the same tensor,
 * unless a quantizer was fused into it; a quantizer that disappeared lives on in its producer, whose own
 * (un-quantized) value then exists only in the QONNX graph.
 */
export function counterparts(qonnx: Graph, compiled: Graph): Map<string, string> {
  const names = new Set(compiled.layers.map((l) => l.name));
  const map = new Map<string, string>();
  for (const l of qonnx.layers) if (names.has(l.name)) map.set(l.name, l.name);
  for (const l of qonnx.layers) {
    if (l.kind !== 'quant') continue;
    // bipolar: the quantizer's name holds y; the sign u is in the producer (then it has no counterpart) or in `<name>_sign`
    if (names.has(l.name)) {
      if (!names.has(`${l.name}_sign`)) map.delete(l.inputs[0]);
    }
    else map.set(l.inputs[0], l.name);
  }
  return map;
}

export interface LayerComparison {
  readonly layer: string;
  readonly qonnxLayer: string;
  readonly values: number;
  readonly mismatches: number;
  readonly maxAbsError: number;
}

/** Fixed-point emulation of the compiled graph against the float evaluation of the QONNX graph, layer by layer. */
export function compareLayers(configFile: string, inputs: Float64Array, batch: number) {
  const { config, graph } = compile({ configFile });
  // biases fused into their dense layers as the flow does (for MatMul + Add the dense bias is 0: b + c = c exactly)
  const qonnx = fuseBias.run(loadModel(config.model, config), config);
  const fixed = emulate(graph, inputs, batch, { trace: true }).trace!;
  const float = emulate(qonnx, inputs, batch, { mode: 'float', trace: true }).trace!;
  const rows: LayerComparison[] = [];
  for (const [layer, qonnxLayer] of counterparts(qonnx, graph)) {
    const [a, b] = [fixed[layer], float[qonnxLayer]];
    let mismatches = 0;
    let maxAbsError = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) mismatches++;
      maxAbsError = Math.max(maxAbsError, Math.abs(a[i] - b[i]));
    }
    rows.push({ layer, qonnxLayer, values: a.length, mismatches, maxAbsError });
  }
  return { config: config as ProjectConfig, graph, qonnx, rows, fixed, float };
}
