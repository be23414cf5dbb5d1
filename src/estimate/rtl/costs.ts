/**
 * LUT costs of the netlist's logic cells after Yosys's `synth_xilinx -family xcup -abc9` (ABC maps to LUT6), per live
 * bit. Fitted on single-layer designs (docs/estimation.md, "Calibration"); each figure is the LUTs per bit that ABC
 * leaves once it has merged a cell with its neighbours.
 */
export const LUT_PER_BIT = {
  /** one LUT per sum bit beside the carry chain (0.95 until the sixth calibration: adder trees built in order of
   * arrival pair narrow terms with wide partial sums, which ABC merges less; docs/estimation.md) */
  add: 1,
  /** plus d² × this for an adder with d bits where both operands carry information: ABC's compressor trees of wide
   * full-width sums (RF > 1 accumulators of DSP products) cost 1.2–1.3 LUT per bit at 6 bits and 1.45–1.5 at 16
   * (measured on 4- and 8-term accumulators, docs/estimation.md); sign-extended narrow terms stay near 1 */
  addDense: 0.03,
  /** the same for an adder of constant-multiplier shift-add terms and of their accumulation (no multiply cell
   * upstream, cmm/): measured on dense layers of 6 to 16 bits whose products are shift-adds (bench/yosys-cmm.json);
   * 0.012 until the sixth calibration (docs/estimation.md) */
  addDenseShiftAdd: 0.006,
  /** plus this per adder (not per bit) that reads another adder's sum directly, no register between: where logic
   * flows through adder trees (docs/rtl.md "Pipelining rule") ABC spends about one LUT more per such adder than per
   * its sum bits, the top bit carried into the wider sum (fitted on the fifth calibration, docs/estimation.md) */
  addCell: 1,
  /** 2:1 multiplexer between two different signals */
  mux: 0.5,
  /** 2:1 multiplexer between two signals read only by a register (a shift register's load/shift select): a LUT3
   * per bit, with no neighbour to merge into */
  muxToRegister: 1,
  /** 2:1 multiplexer where one side is a constant (an AND/OR gate, merged into the next LUT) */
  muxConst: 0.25,
  /** the same gate read only by the module's output port (a relu's clamp): nothing in the module to merge into. Alone
   * it is a LUT2 per bit (the small CNN's 8-bit relu: 336 LUT2 for 48 × 7 bits, and the max pool's carry-chain
   * compares after it do not absorb it when flattened); fitted over the fifth calibration's 16 designs, where part of
   * it merges at 16 bits (docs/estimation.md) */
  muxConstToOutput: 0.65,
  /** a distinct function of the select signals only (a bit of a shared multiplier's weight, picked by the cycle
   * counter from constants): built once per module, however many cells read it (select-logic.ts) */
  muxConsts: 0.5,
  /** magnitude comparison against a signal (carry chain, two bits per LUT) */
  compare: 0.5,
  /** comparison against a constant: six bits per LUT */
  compareConst: 1 / 6,
  /** bitwise gates, reduction-or: six inputs per LUT */
  gate: 1 / 6,
  /** an a×b multiply kept in LUTs (product narrower than 9 bits): LUTs per partial-product bit */
  lutMultiply: 0.6,
  /** a ROM read in logic (more reads than a block RAM's two ports, or small): LUTs per 64 ROM bits, after ABC
   * minimizes the (smooth, partly constant) table */
  romLogic: 0.5,
  /** the same for a table of 1024 words or more (10+ address bits): ABC minimizes it far less, about one LUT6 per 64
   * table bits per read, as a LUT6 tree with F7/F8 multiplexers would be (the softmax's exp table, 20 reads, Yosys) */
  romLogicLarge: 1,
} as const;

/** bits per carry cell: Yosys 0.23 maps every Xilinx family's carry chain to CARRY4 */
export const CARRY_BITS = 4;

/** ROM size (bits) from which a registered ROM with at most two reads goes to block RAM (RAMB18E2: 18 Kib, two
 * read ports); with more reads Yosys leaves it in logic rather than duplicating it */
export const BRAM_MIN_BITS = 4096;
export const BRAM18_BITS = 18 * 1024;
export const BRAM_PORTS = 2;
/** bits per LUT of a ROM left in LUTs (a LUT6 is a 64 × 1 ROM) */
export const LUTROM_BITS = 64;
/** tables from this many words cost `romLogicLarge` per 64 bits when read in logic */
export const LARGE_ROM_WORDS = 1024;
/** shift-register chains at least this long become SRL16E/SRLC32E (xilinx_srl -minlen 3), 32 stages per LUT */
export const SRL_MIN = 3;
export const SRL_DEPTH = 32;
