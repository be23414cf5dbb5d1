import { verilogComment } from '../names.ts';
import { deserializer, serializer } from './repack.ts';
import { streamShape, type StreamLayer, type StreamStage } from './types.ts';

/**
 * reshape/flatten: the same row-major elements. With the same channel count it is a wire (the pixel stream is
 * unchanged); otherwise the stream is repacked: collected into one transfer (serial → parallel) and, when the
 * output has several pixels, emitted again as pixels of the new channel count (parallel → serial).
 */
export const reshapeStream: StreamLayer<'reshape'> = (layer, ctx) => {
  const x = ctx.inputs[0];
  const [from, to] = [streamShape(x.shape), streamShape(layer.shape)];
  if (from.elements === to.elements) return undefined;
  const w = x.type.width;
  const stages: StreamStage[] = [];
  const what = `layer '${layer.name}' (reshape [${x.shape.join(', ')}] -> [${layer.shape.join(', ')}])`;
  if (from.transfers > 1) {
    const name = to.transfers > 1 ? ctx.name('collect') : ctx.moduleName;
    const comment = [`${what}: module ${name}, io_stream`, `collects ${from.transfers} transfers of ${from.elements} x ${w} bits into one (transfer 0 in the low bits)`];
    stages.push({
      module: deserializer(name, comment.map(verilogComment), from.elements * w, from.transfers),
      role: 'collect', latency: 1, ii: 1, outType: x.type, outShape: [from.transfers * from.elements],
      timing: (a) => [a[a.length - 1] + 1],
    });
  }
  if (to.transfers > 1) {
    const name = from.transfers > 1 ? ctx.name('emit') : ctx.moduleName;
    const comment = [`${what}: module ${name}, io_stream`, `emits one transfer as ${to.transfers} transfers of ${to.elements} x ${w} bits (the low bits first)`];
    stages.push({
      module: serializer(name, comment.map(verilogComment), to.elements * w, to.transfers),
      role: 'emit', latency: 1, ii: 1, outType: x.type, outShape: layer.shape,
      timing: (a) => Array.from({ length: to.transfers }, (_, k) => a[0] + 1 + k),
    });
  }
  return stages;
};
