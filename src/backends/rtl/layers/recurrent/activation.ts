import { SIGMOID_RANGE, TANH_RANGE, fracBits, formatFixedType, indexShift, quantizeDouble, sigmoidTable, tanhTable, type FixedType } from '../../../../fixed/index.ts';
import type { CellActivation } from '../../../../ir/layers.ts';
import type { ModuleBuilder } from '../../netlist/builder.ts';
import { castFx } from '../../netlist/cast.ts';
import type { Fx } from '../../netlist/fx.ts';
import type { Rom } from '../../netlist/netlist.ts';
import { hardSigmoidFx } from '../exact-activations.ts';
import { lookup, romOf } from '../tables.ts';

/** What a cell activation needs besides its input: its type T_A (table = result type), table size, param type. */
export interface CellActivationHw {
  readonly activation: CellActivation;
  readonly out: FixedType;
  readonly tableSize: number;
  readonly param?: FixedType;
}

/**
 * a = A(v) to T_A (docs/arithmetic.md, "Recurrent layers"), the very hardware of the elementwise layers: tanh and
 * sigmoid read a ROM of Q_T_A(table[i]) (src/fixed/tables.ts, indexed as the emulator does), hard_sigmoid is exact,
 * relu Q_T_A(max(v, 0)), linear Q_T_A(v). ROMs are built once per module (`roms`) and read by every lane.
 */
export function cellActivationFx(b: ModuleBuilder, a: CellActivationHw, v: Fx, roms: Map<string, Rom>, hint: string): Fx {
  const { activation, out, tableSize: n } = a;
  const frac = fracBits(out);
  switch (activation.fn) {
    case 'tanh':
    case 'sigmoid': {
      const range = activation.fn === 'tanh' ? TANH_RANGE : SIGMOID_RANGE;
      const key = `${activation.fn}:${formatFixedType(out)}:${n}`;
      let rom = roms.get(key);
      if (!rom) {
        const table = (activation.fn === 'tanh' ? tanhTable : sigmoidTable)(n, out);
        const values = table.map((t) => quantizeDouble(t, out) * 2 ** -frac);
        rom = romOf(`${activation.fn}_table${roms.size}`, values, out, `Q(${activation.fn} table[i]) to ${formatFixedType(out)}, ${n} entries, x range ${range}`);
        roms.set(key, rom);
      }
      return { sig: lookup(b, rom, v, n, indexShift(n, range), hint), frac };
    }
    case 'hard_sigmoid': {
      if (!a.param) throw new Error(`hard_sigmoid cell activation '${hint}': precision 'param' is not set`);
      const k = { a: quantizeDouble(activation.alpha, a.param), c: quantizeDouble(activation.beta, a.param), param: a.param, res: out };
      return { sig: hardSigmoidFx(b, v, k, hint), frac };
    }
    case 'relu': {
      const zero = b.constant(0n, 1, true);
      return castFx(b, { sig: b.mux(b.gt(v.sig, zero, `pos${hint}`), v.sig, zero, `relu${hint}`), frac: v.frac }, out, `y${hint}`);
    }
    case 'linear':
      return castFx(b, v, out, `y${hint}`);
  }
}
