import { Caster, fracBits } from '../../../fixed/index.ts';
import { castProduct } from '../../exact.ts';
import type { Kernel } from '../../kernel.ts';
import { need, single } from '../../precision.ts';
import { denseFloat } from '../dense-float.ts';
import { cellActivationFloat, cellActivationStep } from './cell-activation.ts';
import { denseParts, densePartStep } from './dense-parts.ts';
import { castTwoProducts, commonGrid } from './exact-gates.ts';
import { gatherColumns, gateColumns, runSequence } from './sequence.ts';

/**
 * GRU, docs/arithmetic.md "Recurrent layers", gates in the order z, r, h:
 *   z, r = ract(Q_accum(ax + ah))                                           (type recurrent_table)
 *   resetAfter:  h̃ = act(Q_accum(ax_h + r·ah_h))                            (type table)
 *   otherwise:   h̃ = act(Q_accum(ax_h + Dense(Q_state(r·h_{t−1}); U_h, br_h)))
 *   h_t = Q_state(z·h_{t−1} + (1 − z)·h̃), 1 − z exact; output Q_result(h_t).
 */
export const gru: Kernel<'gru'> = {
  fixed(layer, inputs, counters) {
    const inType = single(layer, inputs);
    const [accum, state, table, rtable, result] = (['accum', 'state', 'table', 'recurrent_table', 'result'] as const).map((v) => need(layer, v));
    const { units: u, tableSize, name, resetAfter } = layer;
    const parts = denseParts(layer);
    const inputStep = densePartStep(parts.input, inType, 'weight', counters);
    const recStep = densePartStep(parts.recurrent, state, 'recurrent_weight', counters);
    const candStep = parts.candidate && densePartStep(parts.candidate, state, 'recurrent_weight', counters);
    const [fr, fs, fa, facc] = [fracBits(rtable), fracBits(state), fracBits(table), fracBits(accum)];
    const pre = new Caster(facc, accum, counters.stats('accum'));
    const hGrid = commonGrid(facc, fr + facc);
    const preH = new Caster(hGrid.grid, accum, counters.stats('accum'));
    const actSpec = { activation: layer.activation, name, tableSize, out: table, outVar: 'table' as const, param: layer.precision.param };
    const act = cellActivationStep(actSpec, accum, counters);
    const ract = cellActivationStep({ ...actSpec, activation: layer.recurrentActivation, out: rtable, outVar: 'recurrent_table' }, accum, counters);
    const f1 = Math.max(fr, 0); // 1 − z exact on the grid 2^−f1
    const [one, zUp] = [2 ** f1, 2 ** (f1 - fr)];
    const uGrid = commonGrid(fr + fs, f1 + fa);
    const update = new Caster(uGrid.grid, state, counters.stats('state'));
    const resetCast = new Caster(fr + fs, state, counters.stats('state'));
    const out = new Caster(fs, result, counters.stats('result'));
    const zrCols = gateColumns(u, [0, 1]);
    const recWidth = resetAfter ? 3 * u : 2 * u;
    let h = new Float64Array(0), zr = new Float64Array(0), ph = new Float64Array(0), rh = new Float64Array(0);
    const cell = {
      reset(batch: number) {
        [h, zr, ph, rh] = [new Float64Array(batch * u), new Float64Array(batch * 2 * u), new Float64Array(batch * u), new Float64Array(batch * u)];
      },
      step(ax: Float64Array, batch: number) {
        const ah = recStep.run([h], batch);
        gatherColumns(ax, batch, 3 * u, zrCols, zr);
        for (let b = 0; b < batch; b++) for (let j = 0; j < 2 * u; j++) zr[b * 2 * u + j] = pre.cast(zr[b * 2 * u + j] + ah[b * recWidth + j]);
        const g = ract.run([zr], batch);
        if (resetAfter) {
          for (let b = 0; b < batch; b++)
            for (let j = 0; j < u; j++) ph[b * u + j] = castTwoProducts(ax[b * 3 * u + 2 * u + j], 1, hGrid.e1, g[b * 2 * u + u + j], ah[b * 3 * u + 2 * u + j], hGrid.e2, preH);
        } else {
          for (let b = 0; b < batch; b++) for (let j = 0; j < u; j++) rh[b * u + j] = castProduct(g[b * 2 * u + u + j], h[b * u + j], resetCast);
          const ahh = candStep!.run([rh], batch);
          for (let b = 0; b < batch; b++) for (let j = 0; j < u; j++) ph[b * u + j] = pre.cast(ax[b * 3 * u + 2 * u + j] + ahh[b * u + j]);
        }
        const hh = act.run([ph], batch);
        for (let b = 0; b < batch; b++)
          for (let j = 0; j < u; j++) {
            const zg = g[b * 2 * u + j];
            const oneMinusZ = one - zg * zUp;
            h[b * u + j] = castTwoProducts(zg, h[b * u + j], uGrid.e1, oneMinusZ, hh[b * u + j], uGrid.e2, update);
          }
        return h;
      },
    };
    return {
      type: result,
      variant: `input ${inputStep.variant}, recurrent ${recStep.variant}`,
      begin() {
        for (const s of [inputStep, recStep, candStep, act, ract]) s?.begin?.();
      },
      run([x], batch) {
        const ax = inputStep.run([x], batch * layer.steps);
        const y = new Float64Array(batch * (layer.returnSequences ? layer.steps : 1) * u);
        return runSequence(layer, ax, batch, cell, y, (m) => out.cast(m));
      },
    };
  },
  float(layer, [x], batch) {
    const { units: u, resetAfter } = layer;
    const parts = denseParts(layer);
    const [act, ract] = [cellActivationFloat(layer.activation), cellActivationFloat(layer.recurrentActivation)];
    const recWidth = resetAfter ? 3 * u : 2 * u;
    const zrCols = gateColumns(u, [0, 1]);
    let h = new Float64Array(0), zr = new Float64Array(0), ph = new Float64Array(0), rh = new Float64Array(0);
    const cell = {
      reset(n: number) {
        [h, zr, ph, rh] = [new Float64Array(n * u), new Float64Array(n * 2 * u), new Float64Array(n * u), new Float64Array(n * u)];
      },
      step(ax: Float64Array, n: number) {
        const ah = denseFloat(parts.recurrent, h);
        gatherColumns(ax, n, 3 * u, zrCols, zr);
        for (let b = 0; b < n; b++) for (let j = 0; j < 2 * u; j++) zr[b * 2 * u + j] += ah[b * recWidth + j];
        const g = ract(zr);
        if (resetAfter) for (let b = 0; b < n; b++) for (let j = 0; j < u; j++) ph[b * u + j] = ax[b * 3 * u + 2 * u + j] + g[b * 2 * u + u + j] * ah[b * 3 * u + 2 * u + j];
        else {
          for (let b = 0; b < n; b++) for (let j = 0; j < u; j++) rh[b * u + j] = g[b * 2 * u + u + j] * h[b * u + j];
          const ahh = denseFloat(parts.candidate!, rh);
          for (let b = 0; b < n; b++) for (let j = 0; j < u; j++) ph[b * u + j] = ax[b * 3 * u + 2 * u + j] + ahh[b * u + j];
        }
        const hh = act(ph);
        for (let b = 0; b < n; b++)
          for (let j = 0; j < u; j++) {
            const zg = g[b * 2 * u + j];
            h[b * u + j] = zg * h[b * u + j] + (1 - zg) * hh[b * u + j];
          }
        return h;
      },
    };
    const y = new Float64Array(batch * (layer.returnSequences ? layer.steps : 1) * u);
    return runSequence(layer, denseFloat(parts.input, x), batch, cell, y, (v) => v);
  },
};
