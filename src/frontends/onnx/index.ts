/** The ONNX frontend: an ONNX model → the hlsforge IR (src/ir), nothing more. */
export { loadOnnx, parseOnnx, type OnnxOptions } from './load.ts';
export { MIN_OPSET, MAX_OPSET } from './opset.ts';
