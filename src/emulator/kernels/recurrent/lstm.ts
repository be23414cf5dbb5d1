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
 * LSTM, docs/arithmetic.md "Recurrent layers": per step, gates z = Q_accum(ax + ah) in the order i, f, c, o;
 * i, f, o = ract(z) (type recurrent_table), g = act(z_c) (type table);
 * c_t = Q_state(f·c_{t−1} + i·g); h_t = Q_state(o · act(c_t)); output Q_result(h_t).
 */
export const lstm: Kernel<'lstm'> = {
  fixed(layer, inputs, counters) {
    const inType = single(layer, inputs);
    const [accum, state, table, rtable, result] = (['accum', 'state', 'table', 'recurrent_table', 'result'] as const).map((v) => need(layer, v));
    const { units: u, tableSize, name } = layer;
    const param = layer.precision.param;
    const parts = denseParts(layer);
    const inputStep = densePartStep(parts.input, inType, 'weight', counters);
    const recStep = densePartStep(parts.recurrent, state, 'recurrent_weight', counters);
    const pre = new Caster(fracBits(accum), accum, counters.stats('accum'));
    const actSpec = { activation: layer.activation, name, tableSize, out: table, outVar: 'table' as const, param };
    const act = cellActivationStep(actSpec, accum, counters);
    const actOfState = cellActivationStep(actSpec, state, counters);
    const ract = cellActivationStep({ ...actSpec, activation: layer.recurrentActivation, out: rtable, outVar: 'recurrent_table' }, accum, counters);
    const [fr, fs, fa] = [fracBits(rtable), fracBits(state), fracBits(table)];
    const cGrid = commonGrid(fr + fs, fr + fa);
    const cCast = new Caster(cGrid.grid, state, counters.stats('state'));
    const hCast = new Caster(fr + fa, state, counters.stats('state'));
    const out = new Caster(fs, result, counters.stats('result'));
    const ifo = gateColumns(u, [0, 1, 3]);
    const gCols = gateColumns(u, [2]);
    let h = new Float64Array(0), c = new Float64Array(0), z = new Float64Array(0), zr = new Float64Array(0), zg = new Float64Array(0);
    const cell = {
      reset(batch: number) {
        [h, c, z] = [new Float64Array(batch * u), new Float64Array(batch * u), new Float64Array(batch * 4 * u)];
        [zr, zg] = [new Float64Array(batch * 3 * u), new Float64Array(batch * u)];
      },
      step(ax: Float64Array, batch: number) {
        const ah = recStep.run([h], batch);
        for (let i = 0; i < z.length; i++) z[i] = pre.cast(ax[i] + ah[i]);
        const r = ract.run([gatherColumns(z, batch, 4 * u, ifo, zr)], batch);
        const g = act.run([gatherColumns(z, batch, 4 * u, gCols, zg)], batch);
        for (let b = 0; b < batch; b++)
          for (let j = 0; j < u; j++) {
            const [ig, fg] = [r[b * 3 * u + j], r[b * 3 * u + u + j]];
            c[b * u + j] = castTwoProducts(fg, c[b * u + j], cGrid.e1, ig, g[b * u + j], cGrid.e2, cCast);
          }
        const ac = actOfState.run([c], batch);
        for (let b = 0; b < batch; b++) for (let j = 0; j < u; j++) h[b * u + j] = castProduct(r[b * 3 * u + 2 * u + j], ac[b * u + j], hCast);
        return h;
      },
    };
    return {
      type: result,
      variant: `input ${inputStep.variant}, recurrent ${recStep.variant}`,
      begin() {
        for (const s of [inputStep, recStep, act, ract]) s.begin?.();
      },
      run([x], batch) {
        const ax = inputStep.run([x], batch * layer.steps);
        const y = new Float64Array(batch * (layer.returnSequences ? layer.steps : 1) * u);
        return runSequence(layer, ax, batch, cell, y, (m) => out.cast(m));
      },
    };
  },
  float(layer, [x], batch) {
    const { units: u } = layer;
    const parts = denseParts(layer);
    const [act, ract] = [cellActivationFloat(layer.activation), cellActivationFloat(layer.recurrentActivation)];
    const [ifo, gCols] = [gateColumns(u, [0, 1, 3]), gateColumns(u, [2])];
    let h = new Float64Array(0), c = new Float64Array(0), z = new Float64Array(0), zr = new Float64Array(0), zg = new Float64Array(0);
    const cell = {
      reset(n: number) {
        [h, c, z, zr, zg] = [new Float64Array(n * u), new Float64Array(n * u), new Float64Array(n * 4 * u), new Float64Array(n * 3 * u), new Float64Array(n * u)];
      },
      step(ax: Float64Array, n: number) {
        const ah = denseFloat(parts.recurrent, h);
        for (let i = 0; i < z.length; i++) z[i] = ax[i] + ah[i];
        const r = ract(gatherColumns(z, n, 4 * u, ifo, zr));
        const g = act(gatherColumns(z, n, 4 * u, gCols, zg));
        for (let b = 0; b < n; b++) for (let j = 0; j < u; j++) c[b * u + j] = r[b * 3 * u + u + j] * c[b * u + j] + r[b * 3 * u + j] * g[b * u + j];
        const ac = act(c);
        for (let b = 0; b < n; b++) for (let j = 0; j < u; j++) h[b * u + j] = r[b * 3 * u + 2 * u + j] * ac[b * u + j];
        return h;
      },
    };
    const y = new Float64Array(batch * (layer.returnSequences ? layer.steps : 1) * u);
    return runSequence(layer, denseFloat(parts.input, x), batch, cell, y, (v) => v);
  },
};
