import type { Resources } from '../estimate/types.ts';

/** The cell counts of Yosys's final `stat` (the last "Number of cells" block of the log), by primitive name. */
export function parseStat(log: string): Record<string, number> {
  const at = log.lastIndexOf('Number of cells:');
  if (at < 0) throw new Error('no `stat` report found in the Yosys log (no "Number of cells:" line)');
  const cells: Record<string, number> = {};
  for (const line of log.slice(at).split('\n').slice(1)) {
    const m = /^\s+(\$?[A-Za-z_][\w$]*)\s+(\d+)\s*$/.exec(line);
    if (!m) break;
    cells[m[1]] = Number(m[2]);
  }
  return cells;
}

const sum = (cells: Record<string, number>, re: RegExp): number =>
  Object.entries(cells).reduce((n, [name, count]) => n + (re.test(name) ? count : 0), 0);

/**
 * Primitive counts → resources: LUT = LUT1…LUT6 + shift-register LUTs (SRL16E, SRLC32E) + INV (a LUT1 in the
 * device) + distributed-RAM LUTs; FF = FDRE/FDSE/FDCE/FDPE; CARRY = CARRY4/CARRY8; BRAM = RAMB36 + ½ RAMB18.
 */
export function resourcesOf(cells: Record<string, number>): Resources {
  return {
    lut: sum(cells, /^(LUT[1-6]|SRL16E?|SRLC32E|SRLC16E|INV|RAM(32|64|128|256)[XM]\w*)$/),
    ff: sum(cells, /^FD[RSCP]E?$/),
    dsp: sum(cells, /^DSP48E[12]?$/),
    carry: sum(cells, /^CARRY[48]$/),
    bram: sum(cells, /^RAMB36\w*$/) + sum(cells, /^RAMB18\w*$/) / 2,
  };
}
