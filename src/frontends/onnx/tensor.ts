import { fail, type Where } from '../../diagnostics/diagnostic.ts';
import type { FixedType } from '../../fixed/fixed-type.ts';
import { DataType, int64, type TensorProto } from './proto.ts';

/** A constant tensor (initializer or Constant node), values widened to double. */
export interface ConstTensor {
  readonly dims: readonly number[];
  readonly data: Float64Array;
  /** a type holding every value exactly, when the model states one (a QONNX quantizer folded into the constant) */
  readonly declared?: FixedType;
  /** an integer tensor (INT64 shapes and indices): constant folding keeps integer semantics (Div truncates) */
  readonly integer?: boolean;
}

const DTYPE_NAMES: Record<number, string> = {
  1: 'FLOAT', 2: 'UINT8', 3: 'INT8', 4: 'UINT16', 5: 'INT16', 6: 'INT32', 7: 'INT64', 8: 'STRING', 9: 'BOOL',
  10: 'FLOAT16', 11: 'DOUBLE', 12: 'UINT32', 13: 'UINT64', 14: 'COMPLEX64', 15: 'COMPLEX128', 16: 'BFLOAT16',
};

export const dtypeName = (code: number): string => DTYPE_NAMES[code] ?? `data type ${code}`;

/** bytes per element in raw_data, and how to read element i (little endian, as the ONNX spec requires) */
const RAW_READERS: Record<number, [number, (v: DataView, at: number) => number]> = {
  [DataType.FLOAT]: [4, (v, at) => v.getFloat32(at, true)],
  [DataType.DOUBLE]: [8, (v, at) => v.getFloat64(at, true)],
  [DataType.FLOAT16]: [2, (v, at) => halfToNumber(v.getUint16(at, true))],
  [DataType.INT64]: [8, (v, at) => Number(v.getBigInt64(at, true))],
  [DataType.INT32]: [4, (v, at) => v.getInt32(at, true)],
  [DataType.INT8]: [1, (v, at) => v.getInt8(at)],
  [DataType.UINT8]: [1, (v, at) => v.getUint8(at)],
};

/** IEEE 754 binary16 → number: sign · 2^(e−15) · 1.m, subnormals 2^−14 · 0.m */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const e = (bits >> 10) & 0x1f;
  const m = bits & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/** Typed-field values: float_data, double_data, int64_data, int32_data (which also carries INT8/UINT8/FLOAT16 bits). */
function typedValues(t: TensorProto): number[] {
  switch (t.dataType) {
    case DataType.FLOAT: return t.floatData ?? [];
    case DataType.DOUBLE: return t.doubleData ?? [];
    case DataType.INT64: return (t.int64Data ?? []).map(int64);
    case DataType.FLOAT16: return (t.int32Data ?? []).map(halfToNumber);
    default: return t.int32Data ?? [];
  }
}

/** Decode an initializer / Constant value into doubles. `where` names the tensor's user for diagnostics. */
export function decodeTensor(t: TensorProto, where: Where): ConstTensor {
  const name = t.name ? `tensor '${t.name}'` : 'a constant tensor';
  const dtype = t.dataType ?? 0;
  const reader = RAW_READERS[dtype];
  if (!reader) {
    throw fail('unsupported-dtype', where, `${name} must be FLOAT, DOUBLE, FLOAT16, INT64, INT32 or INT8, not ${dtypeName(dtype)}`);
  }
  if (t.dataLocation === 1) throw fail('missing-initializer', where, `${name} is stored as external data, which is not supported`);
  const dims = (t.dims ?? []).map(int64);
  const size = dims.reduce((a, b) => a * b, 1);
  const raw = t.rawData;
  let values: ArrayLike<number>;
  if (raw && raw.length > 0) {
    const [bytes, read] = reader;
    if (raw.length !== size * bytes) {
      throw fail('onnx-parse', where, `${name} must hold ${size * bytes} bytes for dims [${dims.join(', ')}], not ${raw.length}`);
    }
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    values = Array.from({ length: size }, (_, i) => read(view, i * bytes));
  } else {
    values = typedValues(t);
  }
  if (values.length !== size) {
    throw fail('onnx-parse', where, `${name} must hold ${size} values for dims [${dims.join(', ')}], not ${values.length}`);
  }
  const integer = [DataType.INT64, DataType.INT32, DataType.INT8, DataType.UINT8].includes(dtype as 7);
  return { dims, data: Float64Array.from(values), ...(integer ? { integer } : {}) };
}
