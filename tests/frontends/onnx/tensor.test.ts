import { describe, expect, it } from 'vitest';
import { decodeTensor, halfToNumber } from '../../../src/frontends/onnx/tensor.ts';
import { tensor, type TensorDtype, type TensorEncoding } from '../../fixtures/onnx-builder.ts';

const where = { file: 'test.onnx' };

describe('ONNX initializer decoding', () => {
  const cases: [TensorDtype, number[]][] = [
    ['float', [0.5, -1.25, Math.fround(0.1), Math.fround(3e-8)]],
    ['double', [0.1, -1e300, 5e-324, 2 / 3]],
    ['float16', [1, -0.5, 65504, 2 ** -24, 0.333251953125]],
    ['int64', [-1, 0, 2 ** 40, 16]],
    ['int32', [-7, 0, 2 ** 30]],
  ];
  for (const [dtype, values] of cases) {
    for (const encoding of ['raw', 'typed'] as TensorEncoding[]) {
      it(`decodes ${dtype} values from ${encoding === 'raw' ? 'raw_data' : 'the typed field'} exactly`, () => {
        const dims = values.length % 2 === 0 ? [2, values.length / 2] : [values.length];
        const t = decodeTensor(tensor('t', dims, values, { dtype, encoding }), where);
        expect(Array.from(t.data)).toEqual(values);
        expect(t.dims).toEqual(dims);
      });
    }
  }

  it('reads binary16 subnormals, infinities and NaN', () => {
    expect([halfToNumber(0x0001), halfToNumber(0x7c00), halfToNumber(0xfc00), halfToNumber(0x8000)]).toEqual([2 ** -24, Infinity, -Infinity, -0]);
    expect(halfToNumber(0x7e00)).toBeNaN();
  });

  it('rejects raw_data of the wrong length with onnx-parse naming the tensor', () => {
    const t = { ...tensor('W', [3], [1, 2, 3]), dims: [4] };
    expect(() => decodeTensor(t, where)).toThrow("test.onnx: not a valid ONNX model (protobuf decoding failed): tensor 'W' must hold 16 bytes for dims [4], not 12");
  });

  it('rejects string tensors with unsupported-dtype', () => {
    expect(() => decodeTensor({ name: 'S', dims: [1], dataType: 8 }, where)).toThrow(
      "test.onnx: unsupported tensor data type: tensor 'S' must be FLOAT, DOUBLE, FLOAT16, INT64, INT32 or INT8, not STRING",
    );
  });
});
