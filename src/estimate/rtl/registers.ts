import { isConst, type BitNetlist, type BitRef } from './bits.ts';
import { SRL_DEPTH, SRL_MIN } from './costs.ts';

export interface RegisterCount {
  /** flip-flops left after merging, constant removal, DSP absorption and SRL extraction */
  readonly ff: number;
  /** LUTs used as shift registers */
  readonly srlLuts: number;
}

/**
 * Flip-flops as Yosys leaves them:
 * - a register bit nothing reads is removed (opt_clean), one whose input is a constant becomes that constant (opt_dff);
 * - register bits with the same input, enable and reset are one flip-flop (opt_merge): sign-extension copies,
 *   the same delayed signal in two places;
 * - the register after a multiply stays a fabric register: Yosys 0.23's xilinx_dsp does not pack it into the
 *   DSP48E2 (MREG/PREG) when only a slice of the product is read, which is always the case here;
 * - a chain of ≥ 3 plain flip-flops, each read only by the next, is a shift register in LUTs (xilinx_srl),
 *   32 stages per SRLC32E.
 */
export function registerBits(net: BitNetlist, live: Uint8Array): RegisterCount {
  const canon = new Int32Array(net.nodeOfBit.length).map((_, i) => i);
  const c = (b: BitRef): BitRef => (isConst(b) ? b : canon[b]);
  const regBits: { bit: number; d: BitRef; en: BitRef | undefined; reset: boolean }[] = [];
  net.nodes.forEach((node) => {
    const cell = node.cell;
    if (cell?.op !== 'reg') return;
    const d = net.bits(cell.d);
    const en = cell.en ? net.bits(cell.en)[0] : undefined;
    for (let k = 0; k < node.width; k++) if (live[node.base + k]) regBits.push({ bit: node.base + k, d: d[k], en, reset: cell.reset !== undefined });
  });
  // merge to a fixed point: merging two registers can make the registers they feed identical
  for (let changed = true; changed; ) {
    changed = false;
    const seen = new Map<number | string, number>();
    for (const r of regBits) {
      const d = c(r.d);
      const key = r.en === undefined && !r.reset ? d : `${d}|${r.en === undefined ? '' : c(r.en)}|${r.reset}`;
      const target = isConst(d) && !r.reset ? d : (seen.get(key) ?? r.bit);
      if (target === r.bit) seen.set(key, r.bit);
      if (canon[r.bit] !== target) [canon[r.bit], changed] = [target, true];
    }
  }
  const kept = regBits.filter((r) => canon[r.bit] === r.bit);
  return shiftRegisters(net, live, kept, c);
}

function shiftRegisters(net: BitNetlist, live: Uint8Array, kept: { bit: number; d: BitRef; en: BitRef | undefined; reset: boolean }[], c: (b: BitRef) => BitRef): RegisterCount {
  // fan-out of every canonical bit over the live logic
  const fanout = new Map<number, number>();
  const use = (b: BitRef) => !isConst(c(b)) && fanout.set(c(b), (fanout.get(c(b)) ?? 0) + 1);
  net.nodes.forEach((node) => {
    const cell = node.cell;
    if (!cell) return;
    let used = false;
    for (let k = 0; k < node.width && !used; k++) used = live[node.base + k] === 1;
    if (!used) return;
    if (cell.op === 'reg') return; // counted below, per kept bit
    const inputs = cell.op === 'mux' ? [cell.sel, cell.a, cell.b] : cell.op === 'rom' ? [cell.addr] : cell.op === 'ram' ? [cell.addr, cell.d, cell.en] : 'b' in cell ? [cell.a, cell.b] : [cell.a];
    for (const s of inputs) net.bits(s).forEach(use);
  });
  for (const r of kept) {
    use(r.d);
    if (r.en !== undefined) use(r.en);
  }
  net.outputs.forEach(use);
  // a plain register read only by one other plain register with the same enable is inside a chain
  const byBit = new Map(kept.map((r) => [r.bit, r]));
  const inner = new Set<number>();
  for (const r of kept) {
    const prev = byBit.get(c(r.d));
    if (prev && !prev.reset && !r.reset && (fanout.get(prev.bit) ?? 0) === 1 && sameEnable(prev, r, c)) inner.add(prev.bit);
  }
  let [ff, srlLuts] = [0, 0];
  for (const r of kept) {
    if (inner.has(r.bit)) continue; // counted with the chain's last register
    let length = 1;
    for (let p = byBit.get(c(r.d)); p && inner.has(p.bit); p = byBit.get(c(p.d))) length++;
    if (length >= SRL_MIN) srlLuts += Math.ceil(length / SRL_DEPTH);
    else ff += length;
  }
  return { ff, srlLuts };
}

const sameEnable = (a: { en: BitRef | undefined }, b: { en: BitRef | undefined }, c: (b: BitRef) => BitRef): boolean =>
  a.en === undefined ? b.en === undefined : b.en !== undefined && c(a.en) === c(b.en);
