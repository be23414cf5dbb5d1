import { basename } from 'node:path';
import type { FixedType } from '../../../fixed/fixed-type.ts';
import { formatFixedType } from '../../../fixed/index.ts';
import type { Layer } from '../../../ir/layers.ts';
import { ModuleBuilder } from '../netlist/builder.ts';
import type { Fx } from '../netlist/fx.ts';
import type { Module, Sig } from '../netlist/netlist.ts';
import { schedule } from '../netlist/schedule.ts';
import { signalPrefix, verilogComment } from '../names.ts';
import { inputPort, pack, packedWidth, unpack } from './ports.ts';
import { sizeOf } from '../../../ir/graph.ts';
import type { LayerContext, LayerHardware } from './types.ts';

/**
 * A layer that is one combinational function of its input, pipelined by the scheduler: ports `clk`, `x`, `y`,
 * a new sample every cycle (II = 1). When the design flows logic across layers (ctx.inputDepthNs set, docs/rtl.md
 * "Pipelining rule"), the ports are not registered: input k arrives ctx.inputDepthNs[k] ns into its stage, the
 * scheduler starts from there, and `y` leaves unregistered `outDepthNs` ns into the module's last stage (the header
 * says both). Otherwise (io_stream) `x` is registered by the producer and `y` registered here.
 */
export function combLayer(
  layer: Layer,
  ctx: LayerContext,
  out: { type: FixedType; size: number },
  build: (b: ModuleBuilder, xs: Fx[]) => Sig[],
  notes: string[] = [],
): LayerHardware {
  return combLayerN(layer, ctx, out, (b, [xs]) => build(b, xs), notes);
}

/**
 * combLayer for any number of inputs: input k arrives on port `x` (one input) or `xk` (ports.ts inputPort) and is
 * unpacked to elements of its own type; `build` gets them in layer.inputs order.
 */
export function combLayerN(
  layer: Layer,
  ctx: LayerContext,
  out: { type: FixedType; size: number },
  build: (b: ModuleBuilder, xss: Fx[][]) => Sig[],
  notes: string[] = [],
): LayerHardware {
  const b = new ModuleBuilder(signalPrefix(layer.name));
  b.port('input', 'clk', 1);
  const n = ctx.inputs.length;
  const xs = ctx.inputs.map((t, k) => {
    const port = b.port('input', inputPort(k, n), packedWidth(sizeOf(t.shape), t.type));
    return unpack(b, port, sizeOf(t.shape), t.type, n === 1 ? 'x' : `x${k}_`);
  });
  const y = b.port('output', 'y', packedWidth(out.size, out.type));
  const ys = build(b, xs);
  const flow = ctx.inputDepthNs;
  const ports = b.ports.filter((p) => p.dir === 'input' && p.sig.name !== 'clk');
  const inputDepthNs = new Map(flow ? ports.map((p, k) => [p.sig, flow[k] ?? 0] as const) : []);
  const s = schedule(b, ys, ctx.stageNs, { inputDepthNs, registerOutputs: !flow });
  pack(b, y, s.outputs, out.type);
  const timing = flow
    ? [
        `ports not registered: inputs arrive ${flow.map((d) => `${d} ns`).join(', ')} into their stage; y leaves unregistered ${s.outDepthNs} ns into the last stage`,
        `latency ${s.latency} cycles (registers crossed), II 1`,
      ]
    : [`latency ${s.latency} cycles, II 1`];
  const comment = [...layerComment(layer, ctx), ...notes, ...timing];
  const hw = { module: toModule(b, ctx.moduleName, comment), latency: s.latency, ii: 1, outType: out.type, outSize: out.size, sequential: false, worstStageNs: s.worstStageNs };
  return flow ? { ...hw, outDepthNs: s.outDepthNs } : hw;
}

/**
 * The header of a layer module (docs/rtl.md "Reading a layer module"): the model layer, the source op it came from,
 * its types and reuse factor; the generator adds what it built and its latency/II.
 */
export function layerComment(layer: Layer, ctx: LayerContext): string[] {
  const o = layer.origin;
  const from = o ? `${o.op} node '${o.node}'${o.file ? ` in ${basename(o.file)}` : ''}` : 'none (added by hlsforge)';
  const inputs = ctx.inputs.map((t) => `[${t.shape.join('x')}] ${formatFixedType(t.type)}`).join(', ');
  const precision = Object.entries(layer.precision)
    .filter(([k, t]) => k !== 'result' && t !== undefined)
    .map(([k, t]) => `${k} ${formatFixedType(t)}`);
  return [
    `layer '${verilogComment(layer.name)}' (${layer.kind}): module ${ctx.moduleName}`,
    verilogComment(`source op: ${from}`),
    `input ${inputs || 'none'} -> result [${layer.shape.join('x')}] ${formatFixedType(layer.precision.result)}`,
    ...(precision.length > 0 ? [`precision: ${precision.join(', ')}`] : []),
    `reuse factor ${layer.reuseFactor}, strategy ${layer.strategy}`,
  ];
}

export const toModule = (b: ModuleBuilder, name: string, comment: string[]): Module => ({
  name,
  comment: comment.map(verilogComment),
  ports: b.ports,
  sigs: b.sigs,
  cells: b.cells,
  roms: b.roms,
});
