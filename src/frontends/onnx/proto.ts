/**
 * The ONNX protobuf schema, from onnx-proto (a CommonJS bundle of protobufjs classes: its module object holds the
 * `onnx` namespace). Everything else in the frontend imports the schema from here.
 */
import onnxProto from 'onnx-proto';

export const onnx = onnxProto.onnx;

export type ModelProto = onnxProto.onnx.IModelProto;
export type GraphProto = onnxProto.onnx.IGraphProto;
export type NodeProto = onnxProto.onnx.INodeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;
export type ValueInfoProto = onnxProto.onnx.IValueInfoProto;

/** int64 fields decode as protobufjs `Long` objects (or plain numbers when built in memory). */
export type Int64 = number | { toNumber(): number };

export const int64 = (v: Int64 | null | undefined): number => (v == null ? 0 : typeof v === 'number' ? v : v.toNumber());

/** TensorProto.DataType codes the frontend reads. */
export const DataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, FLOAT16: 10, DOUBLE: 11 } as const;
