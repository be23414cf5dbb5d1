import { Caster, fracBits, quantizeScaledBig } from '../../fixed/index.ts';
import { maxMagnitude } from '../exact.ts';
import { reusableBuffer, type Kernel } from '../kernel.ts';
import { need } from '../precision.ts';

/** y = Q_result(Σ_i a_i · b_i), the sum exact on the grid F_a + F_b (docs/arithmetic.md "Merges"). */
export const dot: Kernel<'dot'> = {
  fixed(layer, [a, b], counters) {
    const n = a.shape.reduce((x, y) => x * y, 1);
    const caster = new Caster(fracBits(a.type) + fracBits(b.type), need(layer, 'result'), counters.stats('result'));
    const fits = n * maxMagnitude(a.type.width, a.type.signed) * maxMagnitude(b.type.width, b.type.signed) < 2 ** 53;
    const out = reusableBuffer();
    return {
      type: caster.type,
      variant: fits ? 'number' : 'bigint',
      run([x, w]) {
        const rows = n === 0 ? 0 : x.length / n;
        const y = out(rows);
        for (let s = 0; s < rows; s++) {
          if (fits) {
            let acc = 0;
            for (let i = 0; i < n; i++) acc += x[s * n + i] * w[s * n + i];
            y[s] = caster.cast(acc);
          } else {
            let acc = 0n;
            for (let i = 0; i < n; i++) acc += BigInt(x[s * n + i]) * BigInt(w[s * n + i]);
            y[s] = Number(quantizeScaledBig(acc, caster.fromFrac, caster.type, caster.stats));
          }
        }
        return y;
      },
    };
  },
  float(_layer, [x, w], batch, out) {
    const n = x.length / Math.max(batch, 1);
    const y = out(batch);
    for (let s = 0; s < batch; s++) {
      let acc = 0;
      for (let i = 0; i < n; i++) acc += x[s * n + i] * w[s * n + i];
      y[s] = acc;
    }
    return y;
  },
};
