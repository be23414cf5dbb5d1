import type { FixedType } from '../../../fixed/fixed-type.ts';
import type { Layer } from '../../../ir/layers.ts';
import { ModuleBuilder } from '../netlist/builder.ts';
import type { Fx } from '../netlist/fx.ts';
import type { Module, Sig } from '../netlist/netlist.ts';
import { schedule } from '../netlist/schedule.ts';
import { verilogComment } from '../names.ts';
import { pack, packedWidth, unpack } from './ports.ts';
import type { LayerContext, LayerHardware } from './types.ts';

/**
 * A layer that is one combinational function of its inputs, pipelined by the scheduler: ports `clk`, `x`, `y`,
 * a new sample every cycle (II = 1).
 */
export function combLayer(
  layer: Layer,
  ctx: LayerContext,
  out: { type: FixedType; size: number },
  build: (b: ModuleBuilder, xs: Fx[]) => Sig[],
  notes: string[] = [],
): LayerHardware {
  const b = new ModuleBuilder();
  b.port('input', 'clk', 1);
  const x = b.port('input', 'x', packedWidth(ctx.inSize, ctx.inType));
  const y = b.port('output', 'y', packedWidth(out.size, out.type));
  const ys = build(b, unpack(b, x, ctx.inSize, ctx.inType));
  const s = schedule(b, ys, ctx.levels);
  pack(b, y, s.outputs, out.type);
  const comment = [...layerComment(layer, ctx), ...notes, `latency ${s.latency} cycles, II 1`];
  return { module: toModule(b, ctx.moduleName, comment), latency: s.latency, ii: 1, outType: out.type, outSize: out.size, sequential: false };
}

export function layerComment(layer: Layer, ctx: LayerContext): string[] {
  return [`layer '${verilogComment(layer.name)}' (${layer.kind}): module ${ctx.moduleName}`];
}

export const toModule = (b: ModuleBuilder, name: string, comment: string[]): Module => ({
  name,
  comment: comment.map(verilogComment),
  ports: b.ports,
  sigs: b.sigs,
  cells: b.cells,
  roms: b.roms,
});
