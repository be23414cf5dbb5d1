import type { Cell } from './netlist/netlist.ts';

/**
 * The pipelining timing model (docs/rtl.md, "Pipelining rule"): how long each netlist cell takes on UltraScale+ and
 * how much of the clock period one pipeline stage may fill. The per-cell shapes (LUT levels, CARRY8 cells) are the
 * ones Yosys `synth_xilinx -family xcup -abc9` maps each cell to, measured on the designs of
 * bench/timing-calibration.ts (recorded in bench/timing-calibration.json); the delays per LUT level and per CARRY8
 * are typical UltraScale+ -2 figures (docs/rtl.md lists them with their sources).
 */
export const DELAY_NS = {
  /** flip-flop clock-to-out */
  clockToOut: 0.1,
  /** flip-flop setup */
  setup: 0.05,
  /** clock jitter and skew kept as margin */
  uncertainty: 0.15,
  /** one net between two cells (local routing, a few CLBs apart) */
  net: 0.35,
  /** one LUT6 (input pin to output) */
  lut: 0.1,
  /** into a carry chain and out of its first CARRY8 (S input to O/CO outputs) */
  carryIn: 0.25,
  /** each further CARRY8 of the same chain (CI to CO) */
  carry8: 0.05,
} as const;

/** One level of LUT logic: the net into it and the LUT. */
export const LUT_LEVEL_NS = DELAY_NS.net + DELAY_NS.lut;

/** The part of every register-to-register path that is not logic: clock-to-out, the net into the register, setup, margin. */
export const RESERVED_NS = DELAY_NS.clockToOut + DELAY_NS.net + DELAY_NS.setup + DELAY_NS.uncertainty;

/** How much logic delay (ns) one pipeline stage may hold at this clock period: 4.35 ns at 5 ns (200 MHz). */
export function stageBudgetNs(clockPeriodNs: number): number {
  if (!(clockPeriodNs > 0)) throw new Error(`the clock period must be a positive number of ns, not ${clockPeriodNs}`);
  return Math.max(LUT_LEVEL_NS, round(clockPeriodNs - RESERVED_NS));
}

/** A carry-chain adder/comparator of `width` bits: one LUT level (propagate/generate) into ⌈width/8⌉ CARRY8 cells. */
export function carryChainNs(width: number): number {
  return LUT_LEVEL_NS + DELAY_NS.carryIn + DELAY_NS.carry8 * Math.max(0, Math.ceil(width / 8) - 1);
}

/** LUT levels of a function of n inputs (a LUT6 tree). */
const lutLevels = (inputs: number): number => Math.max(1, Math.ceil(Math.log(Math.max(inputs, 2)) / Math.log(6) - 1e-9));

/**
 * The delay of one combinational cell (ns). `mul` and `rom` are registered by the scheduler and get a stage of
 * their own, so they are not priced here; wiring (const, resize, slice, concat) and `not` (absorbed into the LUT
 * that reads it) cost nothing. `mergedWithAdder`: an add/sub one of whose operands is the sum of an adder in the same
 * stage.
 */
export function cellDelayNs(c: Exclude<Cell, { op: 'reg' | 'inst' | 'ram' | 'rom' }>, mergedWithAdder = false): number {
  switch (c.op) {
    case 'const':
    case 'resize':
    case 'slice':
    case 'concat':
    case 'not':
      return 0;
    case 'and':
    case 'or':
    case 'xor':
    case 'mux':
      // ABC packs small gates together: two of them per LUT6 level on average (bench/timing-calibration.json)
      return LUT_LEVEL_NS / 2;
    case 'redor':
      return lutLevels(c.a.width) * LUT_LEVEL_NS;
    case 'eq':
      // as mapped by Yosys: one LUT level more than a LUT6 tree over the bits (eq16: 3 levels)
      return (lutLevels(c.a.width) + 1) * LUT_LEVEL_NS;
    case 'add':
    case 'sub':
      // fed by an adder of the same stage: the two sums merge (Yosys maps a sum of sums to a carry-save tree with one
      // carry chain; in ripple adders the carries overlap), so only the LUT level adds up (bench/timing-calibration.json)
      return mergedWithAdder ? LUT_LEVEL_NS + DELAY_NS.carryIn : carryChainNs(c.out.width);
    case 'lt':
    case 'gt':
      return carryChainNs(c.a.width);
    case 'mul':
      throw new Error('a multiply is registered in a stage of its own, not priced by cellDelayNs');
  }
}

/**
 * A ROM read in LUTs with `addressBits` address bits: a LUT6 holds 64 words of one bit, F7/F8 multiplexers inside the
 * CLB widen it to 256 words, and every further 2 address bits add a 4:1 multiplexer level of LUTs.
 */
export function romReadNs(addressBits: number): number {
  const muxf = Math.min(2, Math.max(0, addressBits - 6));
  const extra = Math.ceil(Math.max(0, addressBits - 8) / 2);
  return LUT_LEVEL_NS + muxf * MUXF_NS + extra * LUT_LEVEL_NS;
}

/** F7/F8/F9 multiplexers combine LUT outputs inside a CLB (no net between them). */
export const MUXF_NS = 0.1;

const round = (ns: number): number => Math.round(ns * 1000) / 1000;
