import { onnx, type ModelProto } from '../../src/frontends/onnx/proto.ts';
import { HOSTILE_TEXT, type Random } from '../random.ts';

const OPS = ['Gemm', 'MatMul', 'Add', 'Relu', 'Softmax', 'Sigmoid', 'Tanh', 'LeakyRelu', 'Clip', 'Flatten', 'Reshape', 'Identity', 'BatchNormalization', 'Conv', 'Quant', 'Cos', ''];

/** Structure-level mutations of an ONNX model: decode, change one thing a valid encoder could write, re-encode. */
export function mutateOnnx(input: Uint8Array, r: Random): Uint8Array {
  let m: ModelProto;
  try {
    m = onnx.ModelProto.decode(input) as ModelProto;
  } catch {
    return input;
  }
  const g = m.graph;
  if (!g) return input;
  const nodes = g.node ?? [];
  const node = nodes.length ? r.pick(nodes) : undefined;
  const tensors = g.initializer ?? [];
  const tensor = tensors.length ? r.pick(tensors) : undefined;
  switch (r.int(10)) {
    case 0:
      if (node) node.name = r.pick(HOSTILE_TEXT);
      break;
    case 1:
      if (node) node.opType = r.pick(OPS);
      break;
    case 2:
      if (node && node.input?.length) node.input[r.int(node.input.length)] = r.pick(['', 'missing', node.output?.[0] ?? 'x', g.output?.[0]?.name ?? 'y']);
      break;
    case 3:
      if (nodes.length) nodes.splice(r.int(nodes.length), 1);
      break;
    case 4:
      if (node) nodes.splice(r.int(nodes.length + 1), 0, onnx.NodeProto.create({ ...node, name: `${node.name}_dup` }));
      break;
    case 5:
      if (tensor?.dims?.length) tensor.dims[r.int(tensor.dims.length)] = r.pick([0, -1, 1, 3, 1 << 20, 2 ** 40]);
      break;
    case 6:
      if (tensor) {
        const f = Float32Array.from(tensor.rawData?.length ? new Float32Array(Uint8Array.from(tensor.rawData).buffer.slice(0, tensor.rawData.length & ~3)) : (tensor.floatData ?? []));
        if (f.length) f[r.int(f.length)] = r.pick([NaN, Infinity, -Infinity, 1e38, -0, 1e-45]);
        tensor.rawData = new Uint8Array(f.buffer.slice(0, r.chance(0.2) ? f.byteLength - 4 : f.byteLength));
        tensor.floatData = [];
      }
      break;
    case 7: {
      const io = r.pick([g.input ?? [], g.output ?? []]);
      const dims = io[0]?.type?.tensorType?.shape?.dim;
      if (dims?.length) dims[r.int(dims.length)] = r.pick([{ dimValue: 0 }, { dimValue: -3 }, { dimValue: 1 << 22 }, { dimParam: 'N' }, {}]);
      break;
    }
    case 8:
      if (node) node.attribute = (node.attribute ?? []).map((a) => ({ ...a, i: r.pick([0, -1, 2, 1 << 30]), f: r.pick([NaN, -1, 0, 1e30]), ints: [r.pick([0, -1, 5])] }));
      break;
    default:
      if (m.opsetImport?.length) m.opsetImport[0].version = r.pick([0, 1, 6, 9, 13, 99, -1]);
  }
  return onnx.ModelProto.encode(onnx.ModelProto.create(m)).finish();
}
