import { fail } from '../../../diagnostics/diagnostic.ts';
import { formatFixedType, type FixedType } from '../../../fixed/index.ts';
import { sizeOf, type Graph } from '../../../ir/graph.ts';
import { KINDS } from '../../../ir/kinds.ts';
import type { Layer, LayerKind, LayerOf } from '../../../ir/layers.ts';
import { contextFor } from '../build-view.ts';
import { layerInitiationInterval, usesResourceKernel } from '../../../ir/timing.ts';
import type { EmitContext, LayerEmission, LayerEmitter, Port } from '../emit-context.ts';
import { HLS_EMITTERS } from '../emitters/registry.ts';
import { cppComment } from '../names.ts';
import { outputName } from '../ports.ts';
import type { ArrayFileView, CallView, ConfigStructView, LocalView, TypedefView } from '../view-model.ts';
import { packingOf } from './packing.ts';
import { cloneIterations, repackIterations, stepIterations } from './process.ts';
import { HLS_STREAM_RULES } from './registry.ts';
import type { ScheduledProcess } from './schedule.ts';
import type { StreamEmission, StreamEmitter } from './stream-emission.ts';
import { streamGraph, type Reader } from './stream-graph.ts';
import type { ProcessView, StepFunctionView } from './stream-view.ts';

/** A stream (or port) as the C++ names it, and what it carries. */
export interface StreamInfo {
  readonly elemType: string;
  readonly packType: string;
  readonly fixed: FixedType;
  readonly shape: readonly number[];
  readonly pack: number;
  readonly packs: number;
}

export interface BuiltLayer {
  readonly index: number;
  readonly comment: string;
  readonly typedefs: readonly TypedefView[];
  readonly config?: ConfigStructView;
  readonly arrays: readonly ArrayFileView[];
  readonly headers: readonly string[];
}

export interface StreamDesign {
  readonly inputs: readonly (StreamInfo & { readonly name: string; readonly layer: string })[];
  readonly outputs: readonly (StreamInfo & { readonly name: string; readonly layer: string; readonly index: number })[];
  readonly layers: readonly BuiltLayer[];
  readonly functions: readonly StepFunctionView[];
  readonly processes: readonly ProcessView[];
  readonly scheduled: readonly ScheduledProcess[];
  /** internal streams (not ports): name → what it carries */
  readonly streams: ReadonlyMap<string, StreamInfo>;
  readonly orders: ReadonlyMap<string, Int32Array>;
}

const info = (elemType: string, packType: string, fixed: FixedType, shape: readonly number[]): StreamInfo => ({ elemType, packType, fixed, shape, ...packingOf(shape) });

/** Graph → the processes, streams and ports of the io_stream design (names, kernels, schedule inputs). */
export function buildStreamDesign(graph: Graph): StreamDesign {
  const sg = streamGraph(graph);
  const index = new Map(graph.layers.map((l, i) => [l.name, i + 1]));
  const outputPort = outputPortNames(graph, index);
  const byStream = new Map<string, StreamInfo>(); // stream owner layer → what it carries
  const readName = new Map<string, string>(); // `${layer}#${slot}` → stream it reads
  const streams = new Map<string, StreamInfo>();
  const inputs: StreamDesign['inputs'][number][] = [];
  const layers: BuiltLayer[] = [];
  const functions: StepFunctionView[] = [];
  const processes: ProcessView[] = [];
  const scheduled: ScheduledProcess[] = [];

  /** Names the streams the owner's readers read; adds a clone when there are several (or a port-to-port copy). */
  function distribute(owner: Layer, written: string, s: StreamInfo, isPort: boolean): void {
    const readers = sg.readers.get(owner.name) ?? [];
    const nameOf = (r: Reader, j: number): string => ('output' in r ? outputPort[r.output] : readers.length === 1 ? written : `${written}_cpy${j + 1}`);
    const direct = readers.length === 1 && !(isPort && 'output' in readers[0]);
    const targets = readers.map((r, j) => (direct ? written : nameOf(r, j)));
    readers.forEach((r, j) => 'layer' in r && readName.set(`${r.layer}#${r.slot}`, targets[j]));
    for (const t of targets) if (!outputPort.includes(t) && t !== written) streams.set(t, s);
    if (direct) return;
    const name = `${written}_clone`;
    functions.push({
      name,
      comment: cppComment(`${readers.length === 1 ? 'copies' : 'clones'} ${written} into ${targets.join(', ')}`),
      params: [`hls::stream<${s.packType}> &in`, ...targets.map((_, j) => `hls::stream<${s.packType}> &out${j + 1}`)].join(', '),
      steps: s.packs,
      ii: 1,
      pipelined: true,
      staticLocals: false,
      reads: [{ stream: 'in', packType: s.packType, packs: 1, local: 'x' }],
      locals: [{ type: s.elemType, name: 'x', size: String(s.pack) }],
      calls: [],
      writes: targets.map((_, j) => ({ stream: `out${j + 1}`, packType: s.packType, packs: 1, local: 'x' })),
    });
    processes.push({ comment: cppComment(`one reader per copy of ${written}`), call: `${name}(${[written, ...targets].join(', ')})` });
    scheduled.push({ name, inputs: [written], outputs: targets, iterations: cloneIterations(s.packs) });
  }

  for (const layer of graph.layers) {
    const n = index.get(layer.name)!;
    if (layer.kind === 'input') {
      const k = inputs.length;
      const s = info(k === 0 ? 'input_elem_t' : `input${k + 1}_elem_t`, k === 0 ? 'input_t' : `input${k + 1}_t`, layer.precision.result, sg.shape.get(layer.name)!);
      const name = `input_${k + 1}`;
      inputs.push({ ...s, name, layer: layer.name });
      byStream.set(layer.name, s);
      distribute(layer, name, s, true);
      continue;
    }
    if (sg.source.get(layer.name) !== layer.name) continue; // shares its producer's stream
    const ins = layer.inputs.map((i, slot) => ({ s: byStream.get(sg.source.get(i)!)!, stream: readName.get(`${layer.name}#${slot}`)! }));
    const fixed = KINDS[layer.kind].passThrough ? ins[0].s.fixed : layer.precision.result;
    const out = info(`layer${n}_t`, `layer${n}_pack`, fixed, layer.shape);
    const readers = sg.readers.get(layer.name) ?? [];
    // a layer feeding only one output port writes the port; otherwise its own stream (renamed if a port has its name)
    const own = outputPort.includes(`layer${n}_out`) ? `layer${n}_stream` : `layer${n}_out`;
    const written = readers.length === 1 && 'output' in readers[0] ? outputPort[readers[0].output] : own;
    if (!outputPort.includes(written)) streams.set(written, out);
    byStream.set(layer.name, out);
    // the stream rules see whole tensors (shapes); step kernels get ports of the size one step moves
    const ctx = contextFor(graph, layer, n, ins.map((x, j) => portOf(x.s, `x${j + 1}`, true)), portOf(out, 'y', true));
    const comment = ctx.comment;
    const built = { index: n, comment, typedefs: [{ name: out.elemType, cppType: formatFixedType(fixed) }, { name: out.packType, cppType: `nnet::array<${out.elemType}, ${out.pack}>` }] };
    const emission: StreamEmission = layer.kind === 'reshape' ? { kind: 'alias' } : streamRule(layer, ctx);
    const procName = `layer${n}`;
    if (layer.kind === 'reshape') {
      processes.push({ comment, call: `nnet::repack<${ins[0].s.packType}, ${out.packType}, ${sizeOf(layer.shape)}>(${ins[0].stream}, ${written})` });
      scheduled.push({ name: procName, inputs: [ins[0].stream], outputs: [written], iterations: repackIterations(sizeOf(layer.shape), ins[0].s.pack, out.pack) });
      layers.push({ ...built, arrays: [], headers: [] });
    } else if (emission.kind === 'alias') {
      throw fail('unsupported-op', { layer: layer.name, op: layer.origin?.op ?? layer.kind }, `${layer.kind} layers must share their input's stream in io_stream, not compute`);
    } else if (emission.kind === 'kernel') {
      const types = emission.types.map((v) => ({ name: ctx.typeName(v), cppType: formatFixedType(ctx.precision(v)) }));
      const templ = emission.templateArgs === 'in-out' ? `${ins[0].s.packType}, ${out.packType}` : ins[0].s.packType;
      processes.push({ comment, call: `${emission.kernel}<${templ}, config${n}>(${[ins[0].stream, written, ...emission.args].join(', ')})` });
      scheduled.push({ name: procName, inputs: [ins[0].stream], outputs: [written], iterations: emission.iterations });
      layers.push({
        ...built,
        typedefs: [...built.typedefs, ...types, ...(emission.typedefs ?? [])],
        config: { name: `config${n}`, constants: emission.constants, typedefs: [...emission.types.map((v) => ({ name: `${v}_t`, cppType: ctx.typeName(v) })), ...(emission.configTypedefs ?? [])] },
        arrays: emission.arrays,
        headers: emission.headers,
      });
    } else {
      const whole = !emission.perPack;
      const xs = ins.map((x, j) => portOf(x.s, `x${j + 1}`, whole));
      const y = portOf(out, 'y', whole);
      const stepCtx = contextFor(graph, emission.layer ?? layer, n, xs, y);
      const e = emitKernel(emission.layer ?? layer, stepCtx);
      if (e.kind === 'alias') throw fail('unsupported-op', { layer: layer.name, op: layer.origin?.op ?? layer.kind }, `${layer.kind} layers must compute in io_stream, not alias`);
      const calls: CallView[] = 'calls' in e ? [...e.calls] : [{ kernel: `${e.kernel}<${xs[0].type}, ${y.type}, config${n}>`, args: e.args.join(', ') }];
      const locals: LocalView[] = [...xs.map((p) => ({ type: p.type, name: p.name, size: String(p.size) })), { type: y.type, name: y.name, size: String(y.size) }];
      for (const l of 'locals' in e ? e.locals : []) locals.push({ ...l, size: String(y.size) });
      const steps = whole ? 1 : out.packs;
      const ii = layerInitiationInterval(layer);
      const readPacks = ins.map((x) => (whole ? x.s.packs : 1));
      functions.push({
        name: procName,
        comment: cppComment(`${layer.name}: ${whole ? `one step over the whole tensor (${out.packs} pack(s) out)` : `${steps} step(s), one pack in and out per step`}, II ${ii} per step`),
        params: [...ins.map((x, j) => `hls::stream<${x.s.packType}> &in${j + 1}`), `hls::stream<${out.packType}> &out`].join(', '),
        steps,
        ii,
        // a Resource dense keeps its ReuseLoop (one ROM word per cycle): a PIPELINE around it would unroll it
        pipelined: !whole && !usesResourceKernel(layer),
        staticLocals: whole,
        reads: ins.map((x, j) => ({ stream: `in${j + 1}`, packType: x.s.packType, packs: readPacks[j], local: `x${j + 1}` })),
        locals,
        calls,
        writes: [{ stream: 'out', packType: out.packType, packs: whole ? out.packs : 1, local: 'y' }],
      });
      processes.push({ comment, call: `${procName}(${[...ins.map((x) => x.stream), written].join(', ')})` });
      scheduled.push({ name: procName, inputs: ins.map((x) => x.stream), outputs: [written], iterations: stepIterations(steps, readPacks, whole ? out.packs : 1, ii) });
      layers.push({
        ...built,
        typedefs: [...built.typedefs, ...e.types.map((v) => ({ name: stepCtx.typeName(v), cppType: formatFixedType(stepCtx.precision(v)) }))],
        config: {
          name: `config${n}`,
          constants: [{ cType: 'unsigned', name: 'n_in', value: String(xs[0].size) }, ...e.constants],
          typedefs: [...e.types.map((v) => ({ name: `${v}_t`, cppType: stepCtx.typeName(v) })), ...(e.configTypedefs ?? [])],
        },
        arrays: e.arrays,
        headers: [],
      });
    }
    distribute(layer, written, out, false);
  }

  const outputs = graph.outputs.map((o, k) => {
    const s = byStream.get(sg.source.get(o)!)!;
    return { ...s, shape: sg.shape.get(o)!, name: outputPort[k], layer: o, index: index.get(o)! };
  });
  return { inputs, outputs, layers, functions, processes, scheduled, streams, orders: sg.orders };
}

/** As io_parallel names them: `layer<N>_out`, N the output layer's number; an output listed again gets `_<k+1>`. */
function outputPortNames(graph: Graph, index: ReadonlyMap<string, number>): string[] {
  const names: string[] = [];
  graph.outputs.forEach((o, k) => {
    const base = outputName(index.get(o)!);
    names.push(names.includes(base) ? `${base}_${k + 1}` : base);
  });
  return names;
}

function portOf(s: StreamInfo, name: string, whole: boolean): Port {
  const size = whole ? s.pack * s.packs : s.pack;
  return { name, type: s.elemType, size, shape: whole ? s.shape : [s.pack], fixed: s.fixed };
}

const streamRule = <K extends LayerKind>(layer: LayerOf<K>, ctx: EmitContext): StreamEmission =>
  (HLS_STREAM_RULES[layer.kind] as StreamEmitter<K>)(layer, ctx);

const emitKernel = <K extends LayerKind>(layer: LayerOf<K>, ctx: EmitContext): LayerEmission =>
  (HLS_EMITTERS[layer.kind] as LayerEmitter<K>)(layer, ctx);
