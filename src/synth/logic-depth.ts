/**
 * Logic depth of a design mapped by Yosys `synth_xilinx` (its `write_json` netlist): the slowest register-to-register
 * (or port-to-register, register-to-port) path, as LUT levels, carry cells and F7/F8/F9 multiplexers, timed with
 * the UltraScale+ delays of the RTL timing model (src/backends/rtl/timing.ts DELAY_NS). Used to calibrate the
 * pipelining rule (bench/timing-calibration.ts, docs/rtl.md).
 */
import { DELAY_NS, LUT_LEVEL_NS, MUXF_NS } from '../backends/rtl/timing.ts';

export interface PathDepth {
  /** logic delay of the path (ns): LUT levels, carry cells, wide multiplexers and the nets between them */
  readonly ns: number;
  readonly lutLevels: number;
  /** carry cells on the path (Yosys 0.23 maps xcup adders to CARRY4, 4 bits each; Vivado uses CARRY8) */
  readonly carry: number;
  readonly muxf: number;
}

interface YosysCell {
  readonly type: string;
  readonly port_directions: Record<string, 'input' | 'output' | 'inout'>;
  readonly connections: Record<string, readonly (number | string)[]>;
}

interface YosysModule {
  readonly ports: Record<string, { direction: string; bits: readonly (number | string)[] }>;
  readonly cells: Record<string, YosysCell>;
}

const ZERO: PathDepth = { ns: 0, lutLevels: 0, carry: 0, muxf: 0 };

/** Cells whose outputs start a path and whose inputs end one: flip-flops, DSP and block-RAM slices, shift registers. */
const sequential = (type: string): boolean => /^(FD|DSP48|RAMB|SRL|URAM|LDCE|LDPE)/.test(type);

/** The slowest path of the flattened top module `top` of a Yosys JSON netlist. */
export function worstPath(json: { modules: Record<string, YosysModule> }, top: string): PathDepth {
  const m = json.modules[top];
  if (!m) throw new Error(`the Yosys netlist has no module '${top}'`);
  const driver = new Map<number, { name: string; cell: YosysCell }>();
  for (const [name, cell] of Object.entries(m.cells))
    for (const [port, bits] of Object.entries(cell.connections))
      if (cell.port_directions[port] === 'output') for (const b of bits) if (typeof b === 'number') driver.set(b, { name, cell });

  const memo = new Map<string, PathDepth>();
  const active = new Set<string>();
  /** the arrival at the output of a combinational cell */
  const arrival = (name: string, cell: YosysCell): PathDepth => {
    const seen = memo.get(name);
    if (seen) return seen;
    if (active.has(name)) throw new Error(`combinational loop through '${name}'`);
    active.add(name);
    let best = ZERO;
    for (const [port, bits] of Object.entries(cell.connections)) {
      if (cell.port_directions[port] !== 'input') continue;
      for (const b of bits) {
        const d = typeof b === 'number' ? driver.get(b) : undefined;
        const from = d && !sequential(d.cell.type) ? arrival(d.name, d.cell) : ZERO;
        const step = through(cell.type, port, d?.cell.type);
        const p = { ns: from.ns + step.ns, lutLevels: from.lutLevels + step.lutLevels, carry: from.carry + step.carry, muxf: from.muxf + step.muxf };
        if (p.ns > best.ns) best = p;
      }
    }
    active.delete(name);
    memo.set(name, best);
    return best;
  };

  let worst = ZERO;
  const end = (bits: readonly (number | string)[]) => {
    for (const b of bits) {
      const d = typeof b === 'number' ? driver.get(b) : undefined;
      if (!d || sequential(d.cell.type)) continue;
      const p = arrival(d.name, d.cell);
      if (p.ns > worst.ns) worst = p;
    }
  };
  for (const cell of Object.values(m.cells))
    if (sequential(cell.type)) for (const [port, bits] of Object.entries(cell.connections)) if (cell.port_directions[port] === 'input') end(bits);
  for (const p of Object.values(m.ports)) if (p.direction === 'output') end(p.bits);
  return { ...worst, ns: Math.round(worst.ns * 1000) / 1000 };
}

/** The delay of passing through one cell from one of its input pins (driven by a cell of type `from`). */
function through(type: string, port: string, from: string | undefined): PathDepth {
  if (/^LUT\d/.test(type)) return { ns: LUT_LEVEL_NS, lutLevels: 1, carry: 0, muxf: 0 };
  if (/^MUXF[789]$/.test(type)) return { ns: MUXF_NS, lutLevels: 0, carry: 0, muxf: 1 };
  if (type === 'CARRY8' || type === 'CARRY4') {
    // a cascaded CARRY4 carries half the bits of a CARRY8, in about half its time
    const cascade = type === 'CARRY8' ? DELAY_NS.carry8 : DELAY_NS.carry8 / 2;
    if (port === 'CI' || port === 'CI_TOP') return { ns: from === type ? cascade : DELAY_NS.net + DELAY_NS.carryIn, lutLevels: 0, carry: 1, muxf: 0 };
    // S/DI: from the LUT beside it (a dedicated connection), or over a net from anywhere else
    return { ns: DELAY_NS.carryIn + (from && /^LUT/.test(from) ? 0 : DELAY_NS.net), lutLevels: 0, carry: 1, muxf: 0 };
  }
  return ZERO; // buffers, constants
}
