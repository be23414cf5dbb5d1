import { fail } from '../../../diagnostics/diagnostic.ts';
import type { CellActivation, RecurrentLayer } from '../../../ir/layers.ts';
import { recurrentShape } from '../../../ir/recurrent.ts';
import { DEFAULT_TABLE_SIZE, type LayerSpec, type OpContext, type OpHandler } from '../op-context.ts';
import type { ConstTensor } from '../tensor.ts';
import { withBatch, type LayerValue } from '../values.ts';
import { cellActivations } from './activations.ts';
import { directionWeights, expectDims, ONNX_GATE_OF, type DirectionWeights } from './weights.ts';

type Kind = RecurrentLayer['kind'];

/** ONNX's default activations per direction: LSTM f, g, h; GRU f, g; RNN f. */
const DEFAULTS: { readonly [K in Kind]: readonly string[] } = { lstm: ['Sigmoid', 'Tanh', 'Tanh'], gru: ['Sigmoid', 'Tanh'], simple_rnn: ['Tanh'] };
const DIRECTIONS = ['forward', 'reverse', 'bidirectional'];

/** An optional input that must be absent or a constant every value of which passes `ok` (initial states, peepholes, sequence_lens). */
function constantOrAbsent(ctx: OpContext, i: number, role: string, expected: string, ok: (v: number) => boolean): void {
  const v = ctx.input(i);
  if (!v) return;
  if (v.kind === 'layer') throw fail('unsupported-topology', ctx.where, `${role} must be absent or a constant ${expected}, not the output of layer '${v.layer}'`);
  const bad = v.tensor.data.find((d) => !ok(d));
  if (bad !== undefined) throw fail('unsupported-attribute', ctx.where, `${role} must be absent or ${expected}, not a constant holding ${bad}`);
}

/** The attributes and optional inputs hlsforge refuses: clip, input_forget, a partial sequence_lens, non-zero states. */
function checkRefusals(ctx: OpContext, kind: Kind, steps: number): void {
  if (ctx.attrs.has('clip')) throw fail('unsupported-attribute', ctx.where, `clip must be absent (no cell clipping), not ${ctx.attrs.float('clip', 0)}`);
  if (kind === 'lstm') ctx.attrs.requireInt('input_forget', 0, [0]);
  constantOrAbsent(ctx, 4, 'sequence_lens', `equal to the ${steps} time steps`, (v) => v === steps);
  constantOrAbsent(ctx, 5, 'initial_h', 'zero (the state starts at 0)', (v) => v === 0);
  if (kind !== 'lstm') return;
  constantOrAbsent(ctx, 6, 'initial_c', 'zero (the state starts at 0)', (v) => v === 0);
  constantOrAbsent(ctx, 7, 'P (the peephole weights)', 'zero', (v) => v === 0);
  const yc = ctx.outputNames[2];
  if (yc && ctx.uses(yc) > 0) throw fail('unsupported-topology', ctx.where, `output Y_c (the cell state) must be unused, not read by ${ctx.uses(yc)} nodes or outputs`);
}

const same = (a: CellActivation, b: CellActivation): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The IR's activations of one direction: LSTM's g and h are both the IR's `activation`, so they must be equal. */
function irActivations(ctx: OpContext, kind: Kind, acts: CellActivation[]): { activation: CellActivation; recurrentActivation: CellActivation } {
  if (kind === 'simple_rnn') return { activation: acts[0], recurrentActivation: acts[0] };
  if (kind === 'lstm' && !same(acts[1], acts[2])) {
    throw fail('unsupported-attribute', ctx.where, `activations g and h must be the same function (the cell's one activation), not ${acts[1].fn} and ${acts[2].fn}`);
  }
  return { activation: acts[1], recurrentActivation: acts[0] };
}

interface Cell {
  readonly kind: Kind;
  readonly steps: number;
  readonly nIn: number;
  readonly units: number;
  readonly input: string;
  readonly resetAfter: boolean;
}

/** One direction as an IR layer, every step's state or the last one. ONNX reverse writes Y aligned with X in time. */
function cellSpec(c: Cell, w: DirectionWeights, acts: ReturnType<typeof irActivations>, reverse: boolean, returnSequences: boolean): LayerSpec {
  const base = {
    inputs: [c.input], shape: recurrentShape(c.steps, c.units, returnSequences), units: c.units, nIn: c.nIn, steps: c.steps, returnSequences,
    goBackwards: reverse, reverseOutputs: reverse && returnSequences, activation: acts.activation, tableSize: DEFAULT_TABLE_SIZE, ...w,
  };
  if (c.kind === 'simple_rnn') return { kind: c.kind, ...base };
  if (c.kind === 'lstm') return { kind: c.kind, ...base, recurrentActivation: acts.recurrentActivation };
  return { kind: c.kind, ...base, recurrentActivation: acts.recurrentActivation, resetAfter: c.resetAfter };
}

/**
 * ONNX LSTM / GRU / RNN: one IR layer per direction and per output read (Y: every step; Y_h: the last state), the
 * directions side by side as ONNX lays them out — Y [T, dirs, batch, h] (layout 0) or [batch, T, dirs, h] (layout 1),
 * Y_h [dirs, batch, h] or [batch, dirs, h]; the IR holds them as [T, dirs, h] and [dirs, h], the batch axis noted.
 */
export const recurrentOp = (kind: Kind): OpHandler => (ctx) => {
  const layout = ctx.opset >= 14 ? ctx.attrs.requireInt('layout', 0, [0, 1]) : 0;
  const x = ctx.layerInputAnyBatch(0);
  if (x.shape.length !== 2 || (x.batchAxis ?? 0) !== 1 - layout) {
    throw fail('shape-mismatch', ctx.where, `X must be ${layout ? '[batch, T, n]' : '[T, batch, n]'} (layout ${layout}), not ${withBatch(x)}`);
  }
  const [steps, nIn] = x.shape;
  const direction = ctx.attrs.string('direction', 'forward');
  if (!DIRECTIONS.includes(direction)) throw fail('unsupported-attribute', ctx.where, `direction must be one of ${DIRECTIONS.join(', ')}, not '${direction}'`);
  const dirs = direction === 'bidirectional' ? 2 : 1;
  const gates = ONNX_GATE_OF[kind];
  const r = ctx.constInput(2, 'R (the recurrent weights)');
  const units = ctx.attrs.int('hidden_size', r.dims[2] ?? 0);
  const w = expectDims(ctx, ctx.constInput(1, 'W (the input weights)'), 'W (the input weights)', [dirs, gates.length * units, nIn]);
  expectDims(ctx, r, 'R (the recurrent weights)', [dirs, gates.length * units, units]);
  const b: ConstTensor | undefined = ctx.input(3) ? expectDims(ctx, ctx.constInput(3, 'B (the biases)'), 'B (the biases)', [dirs, 2 * gates.length * units]) : undefined;
  checkRefusals(ctx, kind, steps);
  const resetAfter = kind === 'gru' && ctx.attrs.requireInt('linear_before_reset', 0, [0, 1]) === 1;
  const acts = cellActivations(ctx, DEFAULTS[kind], dirs).map((a) => irActivations(ctx, kind, a));
  const cell: Cell = { kind, steps, nIn, units, input: x.layer, resetAfter };
  const [yName, yhName] = ctx.outputNames;
  const wanted = [Boolean(yName && ctx.uses(yName)), Boolean(yhName && ctx.uses(yhName))];
  const both = wanted[0] && wanted[1];
  const output = (sequence: boolean): LayerValue => {
    const parts = acts.map((a, d) => {
      const suffix = [dirs === 2 ? ['forward', 'reverse'][d] : '', both ? (sequence ? 'seq' : 'last') : ''].filter(Boolean).join('_');
      const spec = cellSpec(cell, directionWeights(gates, units, nIn, d, w, r, b), a, direction === 'reverse' || d === 1, sequence);
      return ctx.addLayer(spec, undefined, suffix || undefined);
    });
    // each direction [T, 1, h] or [1, h], side by side along the direction axis: a Gather of one direction is one part
    const tail = sequence ? [steps] : [];
    const shaped = parts.map((p, d) => ctx.addLayer({ kind: 'reshape', inputs: [p.layer], shape: [...tail, 1, units] }, undefined, dirs === 1 ? (sequence ? 'Y' : 'Y_h') : `${sequence ? 'Y' : 'Y_h'}_${['forward', 'reverse'][d]}`));
    const y = dirs === 1 ? shaped[0] : ctx.addLayer({ kind: 'concatenate', inputs: shaped.map((p) => p.layer), shape: [...tail, 2, units], axis: tail.length }, undefined, sequence ? 'Y' : 'Y_h');
    const batchAxis = layout ? 0 : tail.length + 1;
    return batchAxis ? { ...y, batchAxis } : y;
  };
  return [wanted[0] ? output(true) : undefined, wanted[1] ? output(false) : undefined];
};
