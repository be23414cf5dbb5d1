import { quantizeDouble, toValue, type FixedType, type OverflowStats } from '../fixed/index.ts';
import { inputLayers, sizeOf, type Graph } from '../ir/graph.ts';
import type { Layer, LayerKind, LayerOf, PrecisionVar } from '../ir/layers.ts';
import { tensor, type Tensor } from '../ir/tensor.ts';
import { walk } from '../ir/walk.ts';
import { reusableBuffer, type Counters, type FixedStep, type Kernel } from './kernel.ts';
import { KERNELS } from './kernels/index.ts';
import { chunkRows } from './memory.ts';

export interface EmulationResult {
  /** batch × outSize, exact values */
  readonly output: Float64Array;
  readonly outputShape: number[];
  /** per layer: how many casts wrapped or saturated (all precision variables together; 0 in float mode) */
  readonly overflows: Record<string, number>;
  /** per layer and precision variable (only variables with overflows) */
  readonly overflowsByVar: Record<string, Partial<Record<PrecisionVar, number>>>;
  /** every layer's output values, batch × size, when asked for */
  readonly trace?: Record<string, Float64Array>;
}

export interface EmulateOptions {
  readonly mode?: 'fixed' | 'float';
  readonly trace?: boolean;
}

export interface CompiledEmulator {
  run(inputs: Float64Array, batch: number, opts?: { trace?: boolean }): EmulationResult;
  /** `run`, awaiting `pause` every few chunks so that the caller can react to events (a signal) during a long batch */
  runPausing(inputs: Float64Array, batch: number, pause: () => Promise<void>, opts?: { trace?: boolean }): Promise<EmulationResult>;
}

const kernelOf = <K extends LayerKind>(layer: LayerOf<K>): Kernel<K> => KERNELS[layer.kind as K];

/** Quantize every constant and build every table once; `run` then emulates any number of batches. */
export function compileEmulator(graph: Graph): CompiledEmulator {
  const inputs = graphInputs(graph);
  const counters = new Map<string, Map<PrecisionVar, OverflowStats>>();
  const fixedSteps = new Map<string, FixedStep>();
  walk<Tensor>(graph, (layer, producers) => {
    const perVar = new Map<PrecisionVar, OverflowStats>();
    counters.set(layer.name, perVar);
    const layerCounters: Counters = { stats: (v) => perVar.get(v) ?? perVar.set(v, { overflows: 0 }).get(v)! };
    const step = kernelOf(layer).fixed(layer, producers, layerCounters);
    fixedSteps.set(layer.name, step);
    return tensor(layer.shape, step.type);
  });
  return {
    run: (data, batch, opts = {}) => drain(steps(data, batch, opts)),
    runPausing: (data, batch, pause, opts = {}) => drainPausing(steps(data, batch, opts), pause),
  };

  function* steps(data: Float64Array, batch: number, opts: { trace?: boolean }): Generator<void, EmulationResult> {
    checkInputs(inputs, data, batch);
    for (const perVar of counters.values()) for (const stats of perVar.values()) stats.overflows = 0;
    for (const step of fixedSteps.values()) step.begin?.();
    const kept = yield* runChunked(graph, inputs, data, batch, opts.trace, (layer, xs, rows) => fixedSteps.get(layer.name)!.run(xs, rows));
    const values = (name: string) => mantissasToValues(kept.get(name)!, fixedSteps.get(name)!.type);
    const overflows: Record<string, number> = {};
    const overflowsByVar: Record<string, Partial<Record<PrecisionVar, number>>> = {};
    for (const [name, perVar] of counters) {
      overflows[name] = 0;
      for (const [v, stats] of perVar) {
        overflows[name] += stats.overflows;
        if (stats.overflows) (overflowsByVar[name] ??= {})[v] = stats.overflows;
      }
    }
    return { ...collectOutputs(graph, batch, values), overflows, overflowsByVar, trace: opts.trace ? traceOf(graph, values) : undefined };
  }
}

/** Run the graph on batch × inputSize row-major inputs, bit-exactly (fixed) or in plain double arithmetic (float). */
export function emulate(graph: Graph, inputs: Float64Array, batch: number, opts: EmulateOptions = {}): EmulationResult {
  if (opts.mode !== 'float') return compileEmulator(graph).run(inputs, batch, opts);
  return drain(floatSteps(graph, inputs, batch, opts));
}

/**
 * `emulate`, awaiting `pause` every few chunks of samples: the results are identical, and a caller that must react
 * during a long batch (the CLI to Ctrl-C) gets the event loop back in between. The emulator itself knows no signals.
 */
export function emulatePausing(graph: Graph, inputs: Float64Array, batch: number, pause: () => Promise<void>, opts: EmulateOptions = {}): Promise<EmulationResult> {
  if (opts.mode !== 'float') return compileEmulator(graph).runPausing(inputs, batch, pause, opts);
  return drainPausing(floatSteps(graph, inputs, batch, opts), pause);
}

function* floatSteps(graph: Graph, inputs: Float64Array, batch: number, opts: EmulateOptions): Generator<void, EmulationResult> {
  const graphIns = graphInputs(graph);
  checkInputs(graphIns, inputs, batch);
  walk(graph, () => undefined); // every producer exists and comes first
  const buffers = new Map(graph.layers.map((l) => [l.name, reusableBuffer()]));
  const shapes = new Map(graph.layers.map((l) => [l.name, l.shape]));
  const inShapes = (layer: Layer) => layer.inputs.map((p) => shapes.get(p)!);
  const data = yield* runChunked(graph, graphIns, inputs, batch, opts.trace, (layer, xs, rows) =>
    quantizedAs(layer, kernelOf(layer).float(layer, xs, rows, buffers.get(layer.name)!, inShapes(layer))),
  );
  const values = (name: string) => data.get(name)!;
  const overflows = Object.fromEntries(graph.layers.map((l) => [l.name, 0]));
  return { ...collectOutputs(graph, batch, values), overflows, overflowsByVar: {}, trace: opts.trace ? traceOf(graph, values) : undefined };
}

/**
 * The float evaluation is the model as trained: a layer that carries the model's own quantizer (QONNX Quant, QKeras)
 * emits Q(x), in a new array (a kernel may return its input unchanged).
 */
function quantizedAs(layer: Layer, y: Float64Array): Float64Array {
  const t = layer.quantizedAs;
  if (!t) return y;
  const q = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) q[i] = toValue(quantizeDouble(y[i], t), t) + 0;
  return q;
}

/* Samples per chunk (src/emulator/memory.ts): every layer works sample by sample, so the batch runs through the whole
 * graph in chunks that stay in cache (or, for large images, within the working set); only the layers whose values are
 * returned get whole-batch arrays. */

/** Chunks between two pauses of emulatePausing (2048 samples: a few milliseconds on the jet tagger). */
const CHUNKS_PER_PAUSE = 16;

/** Run a chunked emulation to its end. */
function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** Run a chunked emulation to its end, awaiting `pause` every CHUNKS_PER_PAUSE chunks. */
async function drainPausing<T>(steps: Generator<void, T>, pause: () => Promise<void>): Promise<T> {
  for (let k = 1; ; k++) {
    const s = steps.next();
    if (s.done) return s.value;
    if (k % CHUNKS_PER_PAUSE === 0) await pause();
  }
}

/** Yields after each chunk (a point where a caller may pause), returns the kept whole-batch arrays. */
function* runChunked(
  graph: Graph,
  graphIns: readonly Layer[],
  inputs: Float64Array,
  batch: number,
  trace: boolean | undefined,
  run: (layer: Layer, xs: Float64Array[], rows: number) => Float64Array,
): Generator<void, Map<string, Float64Array>> {
  const kept = new Map<string, Float64Array>();
  for (const layer of graph.layers) {
    if (trace || graph.outputs.includes(layer.name)) kept.set(layer.name, new Float64Array(batch * sizeOf(layer.shape)));
  }
  const inSize = inputs.length / Math.max(batch, 1);
  const split = inputSlicer(graphIns, inSize);
  const chunk = new Map<string, Float64Array>();
  const CHUNK = chunkRows(graph);
  for (let first = 0; first < batch; first += CHUNK) {
    const rows = Math.min(CHUNK, batch - first);
    const rowsIn = inputs.subarray(first * inSize, (first + rows) * inSize);
    for (const layer of graph.layers) {
      const xs = layer.kind === 'input' ? [split(layer.name, rowsIn, rows)] : layer.inputs.map((p) => chunk.get(p)!);
      const y = run(layer, xs, rows);
      chunk.set(layer.name, y);
      kept.get(layer.name)?.set(y, first * sizeOf(layer.shape));
    }
    yield;
  }
  return kept;
}

/**
 * The graph's input layers, in graph order. A sample's input row is their tensors one after the other (docs/
 * arithmetic.md "Inputs and outputs"), as the outputs are.
 */
function graphInputs(graph: Graph): Layer[] {
  const inputs = inputLayers(graph);
  if (inputs.length === 0) throw new Error('the graph has no input layer');
  return inputs;
}

/** The part of each sample's row that belongs to one input layer, for a chunk of rows. */
function inputSlicer(graphIns: readonly Layer[], rowSize: number): (name: string, rows: Float64Array, n: number) => Float64Array {
  if (graphIns.length === 1) return (_name, rows) => rows;
  const offsets = new Map<string, [number, number]>();
  let off = 0;
  for (const l of graphIns) offsets.set(l.name, [off, sizeOf(l.shape)]), (off += sizeOf(l.shape));
  return (name, rows, n) => {
    const [o, size] = offsets.get(name)!;
    const part = new Float64Array(n * size);
    for (let s = 0; s < n; s++) part.set(rows.subarray(s * rowSize + o, s * rowSize + o + size), s * size);
    return part;
  };
}

function checkInputs(graphIns: readonly Layer[], inputs: Float64Array, batch: number): void {
  const width = graphIns.reduce((a, l) => a + sizeOf(l.shape), 0);
  const expected = batch * width;
  if (inputs.length !== expected) {
    throw new Error(`inputs must hold batch × ${width} = ${expected} values, not ${inputs.length}`);
  }
}

function mantissasToValues(m: Float64Array, t: FixedType): Float64Array {
  const out = new Float64Array(m.length);
  for (let i = 0; i < m.length; i++) out[i] = toValue(m[i], t) + 0; // + 0: a −0 mantissa is the value 0
  return out;
}

/** One output layer: its values; several: concatenated per sample in the order of graph.outputs. */
function collectOutputs(graph: Graph, batch: number, values: (name: string) => Float64Array) {
  const outs = graph.outputs.map((name) => ({ data: values(name), size: sizeOf(layerShape(graph, name)) }));
  if (outs.length === 1) return { output: outs[0].data, outputShape: [...layerShape(graph, graph.outputs[0])] };
  const width = outs.reduce((a, o) => a + o.size, 0);
  const output = new Float64Array(batch * width);
  for (let s = 0; s < batch; s++) {
    let off = s * width;
    for (const o of outs) output.set(o.data.subarray(s * o.size, (s + 1) * o.size), off), (off += o.size);
  }
  return { output, outputShape: [width] };
}

const layerShape = (graph: Graph, name: string): readonly number[] => {
  const layer = graph.layers.find((l) => l.name === name);
  if (!layer) throw new Error(`output '${name}' is not a layer of the graph`);
  return layer.shape;
};

function traceOf(graph: Graph, values: (name: string) => Float64Array): Record<string, Float64Array> {
  return Object.fromEntries(graph.layers.map((l) => [l.name, values(l.name)]));
}
