import { Caster, fracBits } from '../../../fixed/index.ts';
import type { Kernel } from '../../kernel.ts';
import { need, single } from '../../precision.ts';
import { denseFloat } from '../dense-float.ts';
import { cellActivationFloat, cellActivationStep } from './cell-activation.ts';
import { denseParts, densePartStep } from './dense-parts.ts';
import { runSequence } from './sequence.ts';

/** SimpleRNN, docs/arithmetic.md "Recurrent layers": h_t = Q_state(act(Q_accum(ax + ah))); output Q_result(h_t). */
export const simpleRnn: Kernel<'simple_rnn'> = {
  fixed(layer, inputs, counters) {
    const inType = single(layer, inputs);
    const [accum, state, table, result] = (['accum', 'state', 'table', 'result'] as const).map((v) => need(layer, v));
    const { units: u, tableSize, name } = layer;
    const parts = denseParts(layer);
    const inputStep = densePartStep(parts.input, inType, 'weight', counters);
    const recStep = densePartStep(parts.recurrent, state, 'recurrent_weight', counters);
    const pre = new Caster(fracBits(accum), accum, counters.stats('accum'));
    const act = cellActivationStep({ activation: layer.activation, name, tableSize, out: table, outVar: 'table', param: layer.precision.param }, accum, counters);
    const toState = new Caster(fracBits(table), state, counters.stats('state'));
    const out = new Caster(fracBits(state), result, counters.stats('result'));
    let h = new Float64Array(0), z = new Float64Array(0);
    const cell = {
      reset: (batch: number) => ([h, z] = [new Float64Array(batch * u), new Float64Array(batch * u)]),
      step(ax: Float64Array, batch: number) {
        const ah = recStep.run([h], batch);
        for (let i = 0; i < z.length; i++) z[i] = pre.cast(ax[i] + ah[i]);
        const a = act.run([z], batch);
        for (let i = 0; i < h.length; i++) h[i] = toState.cast(a[i]);
        return h;
      },
    };
    return {
      type: result,
      variant: `input ${inputStep.variant}, recurrent ${recStep.variant}`,
      begin() {
        for (const s of [inputStep, recStep, act]) s.begin?.();
      },
      run([x], batch) {
        const ax = inputStep.run([x], batch * layer.steps);
        const y = new Float64Array(batch * (layer.returnSequences ? layer.steps : 1) * u);
        return runSequence(layer, ax, batch, cell, y, (m) => out.cast(m));
      },
    };
  },
  float(layer, [x], batch) {
    const parts = denseParts(layer);
    const act = cellActivationFloat(layer.activation);
    let h: Float64Array = new Float64Array(0);
    const cell = {
      reset: (n: number) => (h = new Float64Array(n * layer.units)),
      step(ax: Float64Array) {
        const ah = denseFloat(parts.recurrent, h);
        return (h = act(ax.map((v, i) => v + ah[i])));
      },
    };
    const y = new Float64Array(batch * (layer.returnSequences ? layer.steps : 1) * layer.units);
    return runSequence(layer, denseFloat(parts.input, x), batch, cell, y, (v) => v);
  },
};
