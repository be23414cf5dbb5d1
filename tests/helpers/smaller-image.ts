import { readFileSync, writeFileSync } from 'node:fs';
import { onnx } from '../../src/frontends/onnx/proto.ts';

/**
 * Test helper: an ONNX model file rewritten with a smaller image at its (one) input — the spatial dimensions of
 * input 0 set to `spatial`, every declared intermediate and output shape dropped (the frontend infers shapes from
 * the input). Only honest for graphs whose layers are spatially agnostic (convolutions, pools, elementwise,
 * concatenation along channels, resizes by scale): a reshape or dense over the image would no longer import.
 * `channelsLast`: the input is [batch, H, W, C] (else [batch, C, H, W]).
 */
export function withSmallerImage(file: string, out: string, spatial: readonly [number, number], channelsLast: boolean): void {
  const model = onnx.ModelProto.decode(readFileSync(file));
  const g = model.graph!;
  const dims = g.input![0].type!.tensorType!.shape!.dim!;
  const at = channelsLast ? [1, 2] : [2, 3];
  at.forEach((a, k) => (dims[a] = onnx.TensorShapeProto.Dimension.create({ dimValue: spatial[k] })));
  g.valueInfo = [];
  for (const o of g.output ?? []) if (o.type?.tensorType) o.type.tensorType.shape = null;
  writeFileSync(out, onnx.ModelProto.encode(model).finish());
}
