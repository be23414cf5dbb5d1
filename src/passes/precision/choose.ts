import { fail } from '../../diagnostics/diagnostic.ts';
import { warn } from '../../diagnostics/warnings.ts';
import { fixedType, formatFixedType, MAX_WIDTH, type FixedType } from '../../fixed/index.ts';
import type { Layer, PrecisionVar } from '../../ir/layers.ts';
import { narrowestType, type Interval } from './interval.ts';

/** The emulator keeps tensors as double mantissas: a result type wider than this cannot be emulated. */
export const EMULATOR_RESULT_WIDTH = 53;

/** Picks the type of each precision variable of one layer, remembering what it chose for the `auto` ones. */
export interface Chooser {
  readonly layer: Layer;
  /** the configured type (for an auto variable: its placeholder) */
  placeholder(v: PrecisionVar): FixedType;
  /**
   * v's type: the configured one; or, when v is auto, the narrowest type holding every value of `exact()` exactly,
   * capped by `maximum` (warning when capping). `modes` gives the rounding/overflow modes to keep (tables round).
   */
  type(v: PrecisionVar, exact: () => Interval, modes?: FixedType): FixedType;
  readonly chosen: Partial<Record<PrecisionVar, FixedType>>;
}

export function chooserFor(layer: Layer, file: string | undefined): Chooser {
  const chosen: Partial<Record<PrecisionVar, FixedType>> = {};
  const placeholder = (v: PrecisionVar): FixedType => {
    const t = layer.precision[v];
    if (!t) throw new Error(`layer '${layer.name}' (${layer.kind}): precision '${v}' is missing; the apply-config pass fills it`);
    return t;
  };
  return {
    layer,
    chosen,
    placeholder,
    type(v, exact, modes) {
      if (!layer.autoPrecision?.vars.includes(v)) return placeholder(v);
      if (chosen[v]) return chosen[v];
      let needed = narrowestType(exact());
      if (modes) needed = fixedType(needed.width, needed.integer, { signed: needed.signed, quant: modes.quant, overflow: modes.overflow });
      return (chosen[v] = capped(needed, v, layer, file));
    },
  };
}

/** Cap: integer bits I ≤ I_max, then width ≤ W_max (fewer fractional bits); the modes of `maximum` apply. */
function capped(needed: FixedType, v: PrecisionVar, layer: Layer, file: string | undefined): FixedType {
  const where = { file, layer: layer.name, op: layer.origin?.op ?? layer.kind };
  const max = layer.autoPrecision?.maximum;
  const frac = needed.width - needed.integer;
  const limit = max ?? (v === 'result' ? fixedType(EMULATOR_RESULT_WIDTH, needed.integer) : undefined);
  if (!limit) return checkWidth(needed, v, where);
  const integer = Math.min(needed.integer, limit.integer);
  const f = Math.max(Math.min(frac, limit.width - integer), 1 - integer);
  if (integer === needed.integer && f === frac) return checkWidth(needed, v, where);
  const t = fixedType(integer + f, integer, { signed: needed.signed, quant: (max ?? needed).quant, overflow: (max ?? needed).overflow });
  const why = max ? `maximum ${formatFixedType(max)}` : `the emulator's ${EMULATOR_RESULT_WIDTH}-bit limit for results; set Precision.maximum to choose`;
  warn('precision-capped', { ...where, key: max ? layer.autoPrecision?.maximumKey : undefined },
    `${v} needs ${formatFixedType(needed)} to be exact, capped to ${formatFixedType(t)} (${why}): ${integer < needed.integer ? 'values may overflow' : 'values are rounded'}`);
  return t;
}

function checkWidth(t: FixedType, v: PrecisionVar, where: { file?: string; layer: string; op: string }): FixedType {
  if (t.width > MAX_WIDTH) throw fail('bad-precision', where, `auto ${v} must fit in ${MAX_WIDTH} bits, not ${t.width}; set Precision.maximum`);
  return t;
}
