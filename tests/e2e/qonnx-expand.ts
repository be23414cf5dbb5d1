/**
 * A QONNX model made runnable by onnxruntime (a test oracle): every Quant node (ROUND mode) is replaced by the standard
 * ONNX ops that compute its definition, y = (clip(round(x/s + z), min, max) − z) · s, Round being half-to-even as in
 * QONNX. The default opset is raised to 11 (Round, Clip with inputs); ops the model already uses keep their semantics.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const QONNX_DOMAINS = ['qonnx.custom_op.general', 'finn.custom_op.general', 'onnx.brevitas'];

export function expandQuant(bytes: Uint8Array): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph!;
  const inits = new Map(graph.initializer!.map((t) => [t.name!, t]));
  const scalar = (t: onnxProto.onnx.ITensorProto): number =>
    t.rawData?.length ? new DataView(t.rawData.buffer, t.rawData.byteOffset).getFloat32(0, true) : (t.floatData![0] as number);
  const nodes: onnxProto.onnx.INodeProto[] = [];
  graph.node!.forEach((n, k) => {
    if (n.opType !== 'Quant' || !QONNX_DOMAINS.includes(n.domain ?? '')) return void nodes.push(n);
    const attr = (name: string, fallback: number) => Number(n.attribute!.find((a) => a.name === name)?.i ?? fallback);
    const mode = new TextDecoder().decode(n.attribute!.find((a) => a.name === 'rounding_mode')?.s ?? new TextEncoder().encode('ROUND'));
    if (mode !== 'ROUND') throw new Error(`expandQuant handles rounding_mode ROUND, not ${mode}`);
    const [x, s, z, b] = n.input!;
    const bits = scalar(inits.get(b)!);
    const [signed, narrow] = [attr('signed', 1) === 1, attr('narrow', 0) === 1];
    const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1 - (narrow ? 1 : 0);
    const min = signed ? -(2 ** (bits - 1)) + (narrow ? 1 : 0) : 0;
    const t = (name: string) => `q${k}_${name}`;
    graph.initializer!.push({ name: t('min'), dims: [], dataType: 1, floatData: [min] }, { name: t('max'), dims: [], dataType: 1, floatData: [max] });
    const op = (opType: string, inputs: string[], output: string) => nodes.push({ opType, input: inputs, output: [output], name: t(opType) });
    op('Div', [x, s], t('div'));
    op('Add', [t('div'), z], t('add'));
    op('Round', [t('add')], t('round'));
    op('Clip', [t('round'), t('min'), t('max')], t('clip'));
    op('Sub', [t('clip'), z], t('sub'));
    op('Mul', [t('sub'), s], n.output![0]);
  });
  graph.node = nodes;
  model.opsetImport = [{ domain: '', version: 11 }];
  return onnx.ModelProto.encode(model).finish();
}
