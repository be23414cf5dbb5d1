import { basename, extname } from 'node:path';
import { fail } from '../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../fixed/fixed-type.ts';
import type { Graph } from '../../ir/graph.ts';
import { buildGraph } from './graph-builder.ts';
import { defaultOpset } from './opset.ts';
import { onnx, type ModelProto } from './proto.ts';
import { READ_LIMITS, readInput } from '../../util/read-input.ts';

export interface OnnxOptions {
  /** the model-wide precision every layer's result starts with (the config pass refines it) */
  readonly defaultPrecision: FixedType;
}

function decodeModel(bytes: Uint8Array, file: string): ModelProto {
  try {
    return onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw fail('onnx-parse', { file }, `the ${bytes.length} bytes are truncated or corrupt (${(e as Error).message})`);
  }
}

/** Translate an ONNX model held in memory; `file` names it in diagnostics. */
export function parseOnnx(bytes: Uint8Array, file: string, opts: OnnxOptions): Graph {
  const model = decodeModel(bytes, file);
  if (!model.graph || (model.graph.node ?? []).length === 0) throw fail('onnx-empty', { file });
  const opset = defaultOpset(model, file);
  const name = model.graph.name || basename(file, extname(file));
  return buildGraph(model.graph, name, { file, opset, defaultPrecision: opts.defaultPrecision });
}

/** Read and translate an ONNX model file. */
export function loadOnnx(file: string, opts: OnnxOptions): Graph {
  return parseOnnx(readInput(file, READ_LIMITS.model), file, opts);
}
