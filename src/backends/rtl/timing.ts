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
 * that reads it) cost nothing. `merged`: an add/sub one of whose operands is the sum of an adder of the same stage.
 */
export function cellDelayNs(c: Exclude<Cell, { op: 'reg' | 'inst' | 'ram' | 'rom' }>, merged = false): number {
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
      // one LUT level (the scheduler packs small logic of one stage into LUT6 cones, as ABC does)
      return LUT_LEVEL_NS;
    case 'redor':
      return lutLevels(c.a.width) * LUT_LEVEL_NS;
    case 'eq':
      // as mapped by Yosys: one LUT level more than a LUT6 tree over the bits (eq16: 3 levels)
      return (lutLevels(c.a.width) + 1) * LUT_LEVEL_NS;
    case 'add':
    case 'sub':
      // fed by an adder of the same stage: the two sums merge (Yosys maps a sum of sums to a carry-save tree with one
      // carry chain; in ripple adders the carries overlap), so only the LUT level adds up (bench/timing-calibration.json)
      return merged ? LUT_LEVEL_NS + DELAY_NS.carryIn : carryChainNs(c.out.width);
    case 'lt':
    case 'gt':
      return carryChainNs(c.a.width);
    case 'mul':
      throw new Error('a multiply is registered in a stage of its own, not priced by cellDelayNs');
  }
}

/**
 * A ROM read in LUTs with `addressBits` address bits (`style` 'logic', or unset and under 1024 words), as Yosys maps it: a LUT6 holds 64 words of one bit; 128 words
 * add an F7 multiplexer, 256 words a second LUT level (rom8x16: LUT, MUXF7, LUT), and every further address bit a
 * LUT level (no MUXF: 512 words 4 levels, 1024 words 5). A ROM of 1024 words or more is a block RAM (Yosys maps rom10x16 to one): its
 * stage ends at the address pins (a net and the address setup, about one LUT level), and the word appears
 * `romOutputNs` after the clock edge in the next stage.
 */
export function romReadNs(addressBits: number, style?: 'logic' | 'block'): number {
  if (isBlockRom(addressBits, style)) return LUT_LEVEL_NS;
  // from 512 words Yosys/ABC map the mux tree without MUXF7/F8, one LUT level per address bit above 5: the softmax
  // tables (exp, 1/x, 18 bits) measure 4 levels at 512 words and 5 at 1024 (2.25 ns; docs/rtl.md "ROMs")
  if (addressBits > 8) return (addressBits - 5) * LUT_LEVEL_NS;
  const muxf = addressBits > 6 ? MUXF_NS : 0;
  const levels = 1 + (addressBits > 7 ? 1 : 0);
  return levels * LUT_LEVEL_NS + muxf;
}

export const BRAM_ADDRESS_BITS = 10;

/** Whether a ROM read is a block RAM's: as its `style` says (netlist.ts Rom), else from 1024 words on. */
export const isBlockRom = (addressBits: number, style?: 'logic' | 'block'): boolean => (style ? style === 'block' : addressBits >= BRAM_ADDRESS_BITS);

/** Logic delay at the start of the stage after a ROM read: a block RAM's clock-to-out beyond a flip-flop's (≈ 1.0 ns). */
export const romOutputNs = (addressBits: number, style?: 'logic' | 'block'): number => (isBlockRom(addressBits, style) ? 1.0 - DELAY_NS.clockToOut : 0);

/** F7/F8/F9 multiplexers combine LUT outputs inside a CLB (no net between them). */
export const MUXF_NS = 0.1;

const round = (ns: number): number => Math.round(ns * 1000) / 1000;
