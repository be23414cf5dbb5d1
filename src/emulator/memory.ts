import { sizeOf, type Graph } from '../ir/graph.ts';

/**
 * The emulator's memory: every layer keeps one output buffer of chunk rows × its size (doubles, reused from chunk to
 * chunk), and the layers whose values are returned (the outputs; every layer when traced) keep batch × size.
 * A chunk is at most CHUNK_ROWS samples and, for large images, as few samples as keep the layer buffers within
 * WORKING_SET_VALUES (never fewer than one sample: one 512×512×16 image runs alone). The kept arrays of a batch are
 * bounded by MAX_KEPT_VALUES, checked before the emulation starts (src/config/size-limits.ts, checkEmulationBatch).
 */
export const CHUNK_ROWS = 128;
/** 2^24 doubles = 128 MiB of layer buffers per chunk (exceeded only by one sample whose layers are larger). */
export const WORKING_SET_VALUES = 1 << 24;
/** 2^27 doubles = 1 GiB per batch of input rows and returned values. */
export const MAX_KEPT_VALUES = 1 << 27;

/** Values of one sample over every layer's output: the layer buffers per chunk row. */
export const valuesPerSample = (graph: Graph): number => graph.layers.reduce((a, l) => a + sizeOf(l.shape), 0);

/** Samples per chunk for this graph. */
export const chunkRows = (graph: Graph): number => Math.max(1, Math.min(CHUNK_ROWS, Math.floor(WORKING_SET_VALUES / Math.max(1, valuesPerSample(graph)))));

/** Values held for a whole batch, per sample: the input row and the outputs (every layer when traced). */
export function keptValuesPerSample(graph: Graph, trace: boolean): number {
  const held = graph.layers.filter((l) => l.kind === 'input' || trace || graph.outputs.includes(l.name));
  return held.reduce((a, l) => a + sizeOf(l.shape), 0);
}
