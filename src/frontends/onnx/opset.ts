import { fail } from '../../diagnostics/diagnostic.ts';
import { int64, type ModelProto } from './proto.ts';

/** The operator-set versions whose semantics the op handlers follow. */
export const MIN_OPSET = 7;
export const MAX_OPSET = 19;

/** The version of the default (ai.onnx) operator set the model imports, which must be within MIN..MAX. */
export function defaultOpset(model: ModelProto, file: string): number {
  const entry = (model.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx');
  const supported = `supported: opsets ${MIN_OPSET} to ${MAX_OPSET}`;
  if (!entry) throw fail('unsupported-opset', { file }, `the model must import the default ONNX opset; ${supported}`);
  const version = int64(entry.version);
  if (version < MIN_OPSET || version > MAX_OPSET) {
    throw fail('unsupported-opset', { file }, `opset must be ${MIN_OPSET} to ${MAX_OPSET}, not ${version}`);
  }
  return version;
}
