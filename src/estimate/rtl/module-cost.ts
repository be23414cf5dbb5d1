import type { Module } from '../../backends/rtl/netlist/netlist.ts';
import { constantMultiply, variableMultiply, type MultiplierPlace } from '../multiplier.ts';
import type { Resources } from '../types.ts';
import { bitNetlist, isConst, ONE, ZERO, type BitNetlist, type BinaryCell, type BitRef } from './bits.ts';
import { BRAM18_BITS, BRAM_MIN_BITS, BRAM_PORTS, CARRY_BITS, LARGE_ROM_WORDS, LUT_PER_BIT, LUTROM_BITS } from './costs.ts';
import { liveBits } from './live.ts';
import { mergedAdders, OUTPUT_ONLY, soleReaders } from './macc.ts';
import { registerBits } from './registers.ts';
import { selectFunctions } from './select-logic.ts';

export interface ModuleCost extends Resources {
  readonly multipliers: { dsp: number; lut: number; free: number };
}

/** LUT, FF, DSP, CARRY and BRAM of one generated module, as Yosys would map it (see costs.ts for the figures). */
export function moduleCost(m: Module): ModuleCost {
  const net = bitNetlist(m);
  const live = liveBits(net);
  const places = new Map<number, MultiplierPlace>();
  const mult = { dsp: 0, lut: 0, free: 0 };
  let [lut, dsp, carry, bram] = [0, 0, 0, 0];
  const readers = soleReaders(net);
  const merged = mergedAdders(net, readers);
  const selectKey = selectFunctions(net);
  const selectLogic = new Set<string>();
  const romReads = new Map<string, { bits: number; words: number; reads: number; logicBits: number; style?: 'logic' | 'block' }>();
  const fromProduct = productDerived(net);
  const fromSum = fedBySum(net);

  net.nodes.forEach((node, index) => {
    const c = node.cell;
    if (!c || c.op === 'reg') return;
    const liveOut = countLive(live, node.base, node.width);
    if (liveOut === 0) return;
    const top = highestLive(live, node.base, node.width);
    switch (c.op) {
      case 'add':
      case 'sub': {
        const [a, b] = [net.bits(c.a), net.bits(c.b)];
        let low = 0; // low bits where one operand is zero pass straight through
        while (low <= top && (a[low] === ZERO || b[low] === ZERO)) low++;
        const active = top + 1 - low;
        if (active > 0 && !(allConst(a) && allConst(b))) {
          const dense = denseBits(a, b, low, top);
          // a sum bit with a zero operand (an increment's upper bits) is the other bit itself at the carry chain's
          // select input: no LUT (Yosys: a 16-bit a + 1-bit c is 1 LUT2 + CARRY4s, a + b 16 LUT2)
          let summed = active;
          if (c.op === 'add') for (let k = low; k <= top; k++) if ((a[k] === ZERO) !== (b[k] === ZERO)) summed--;
          lut += summed * LUT_PER_BIT.add + dense * dense * (fromProduct[index] ? LUT_PER_BIT.addDense : LUT_PER_BIT.addDenseShiftAdd) + (fromSum[index] ? LUT_PER_BIT.addCell : 0);
          if (!merged[index]) carry += Math.ceil(active / CARRY_BITS);
        }
        break;
      }
      case 'mul': {
        const place = multiplyPlace(net, c);
        places.set(index, place);
        if (place.kind === 'dsp') [dsp, mult.dsp] = [dsp + place.slices, mult.dsp + 1];
        else if (place.kind === 'lut') [lut, mult.lut] = [lut + place.a * place.b * LUT_PER_BIT.lutMultiply, mult.lut + 1];
        else if (place.kind === 'negate') [lut, carry, mult.lut] = [lut + place.width, carry + Math.ceil(place.width / CARRY_BITS), mult.lut + 1];
        else if (place.kind === 'free') mult.free++;
        break;
      }
      case 'mux': {
        const [a, b] = [net.bits(c.a), net.bits(c.b)];
        for (let k = 0; k <= top; k++) {
          if (!live[node.base + k] || a[k] === b[k]) continue;
          const key = selectKey(node.base + k);
          if (key !== undefined) {
            // a function of the select signals only: built once, shared by every reader
            if (!selectLogic.has(key)) lut += LUT_PER_BIT.muxConsts;
            selectLogic.add(key);
            continue;
          }
          const toRegister = readers[index] >= 0 && net.nodes[readers[index]].cell?.op === 'reg';
          // a gate read only by the module's output has no neighbour in the module to merge into
          const gate = readers[index] === OUTPUT_ONLY ? LUT_PER_BIT.muxConstToOutput : LUT_PER_BIT.muxConst;
          lut += isConst(a[k]) || isConst(b[k]) ? gate : toRegister ? LUT_PER_BIT.muxToRegister : LUT_PER_BIT.mux;
        }
        break;
      }
      case 'lt':
      case 'gt':
      case 'eq': {
        const [a, b] = [net.bits(c.a), net.bits(c.b)];
        const width = significantWidth(a, b);
        lut += width * (allConst(a) || allConst(b) ? LUT_PER_BIT.compareConst : LUT_PER_BIT.compare);
        break;
      }
      case 'and':
      case 'or':
      case 'xor':
      case 'not':
        lut += liveOut * LUT_PER_BIT.gate;
        break;
      case 'redor':
        lut += net.bits(c.a).filter((b) => !isConst(b)).length * LUT_PER_BIT.gate;
        break;
      case 'rom': {
        // constant address bits (an index shifted left) leave only part of the table reachable from this read
        const reachable = Math.min(c.rom.words.length, 2 ** net.bits(c.addr).filter((b) => !isConst(registeredConst(net, b))).length);
        const r = romReads.get(c.rom.name) ?? { bits: c.rom.width * c.rom.words.length, words: c.rom.words.length, reads: 0, logicBits: 0, style: c.rom.style };
        romReads.set(c.rom.name, { ...r, reads: r.reads + 1, logicBits: r.logicBits + reachable * c.rom.width });
        break;
      }
    }
  });
  for (const r of romReads.values()) {
    // a `rom_style` attribute decides; else Yosys's rule (costs.ts)
    if (r.style ? r.style === 'block' : r.bits >= BRAM_MIN_BITS && r.reads <= BRAM_PORTS) bram += Math.ceil(r.bits / BRAM18_BITS) / 2;
    else lut += (r.logicBits / LUTROM_BITS) * (r.words >= LARGE_ROM_WORDS ? LUT_PER_BIT.romLogicLarge : LUT_PER_BIT.romLogic);
  }

  const regs = registerBits(net, live);
  return { lut: Math.round(lut + regs.srlLuts), ff: regs.ff, dsp, carry, bram, multipliers: mult };
}

function multiplyPlace(net: BitNetlist, c: BinaryCell): MultiplierPlace {
  const [a, b] = [net.bits(c.a), net.bits(c.b)];
  const ka = constValue(a);
  const kb = constValue(b);
  if (ka !== undefined && kb !== undefined) return { kind: 'none' };
  if (kb !== undefined) return constantMultiply(significantWidth(a, a), kb);
  if (ka !== undefined) return constantMultiply(significantWidth(b, b), ka);
  return variableMultiply(significantWidth(a, a), significantWidth(b, b));
}

/**
 * Per node: whether it is a multiply cell, or an adder (or register) reading one, directly or through other adders
 * and registers. Sums of multiplier products map to ABC compressor trees that cost more per bit than the sums of
 * shift-add terms (costs.ts, addDense / addDenseShiftAdd).
 */
function productDerived(net: BitNetlist): Uint8Array {
  const out = Uint8Array.from(net.nodes, (n) => (n.cell?.op === 'mul' ? 1 : 0));
  const follows = (op: string | undefined) => op === 'add' || op === 'sub' || op === 'reg';
  for (let pass = 0, changed = true; changed && pass < 8; pass++) {
    changed = false;
    net.nodes.forEach((n, i) => {
      if (out[i] || !n.cell || !follows(n.cell.op)) return;
      const ins = n.cell.op === 'reg' ? [n.cell.d] : [(n.cell as BinaryCell).a, (n.cell as BinaryCell).b];
      if (ins.some((s) => net.bits(s).some((b) => !isConst(b) && out[net.nodeOfBit[b]]))) [out[i], changed] = [1, true];
    });
  }
  return out;
}

/** Per node: whether it is an adder reading another adder's sum directly (no register between): costs.ts `addCell`. */
function fedBySum(net: BitNetlist): Uint8Array {
  const sum = Uint8Array.from(net.nodes, (n) => (n.cell?.op === 'add' || n.cell?.op === 'sub' ? 1 : 0));
  return Uint8Array.from(net.nodes, (n, i) => {
    if (!sum[i]) return 0;
    const c = n.cell as BinaryCell;
    return [c.a, c.b].some((s) => net.bits(s).some((b) => !isConst(b) && sum[net.nodeOfBit[b]] === 1)) ? 1 : 0;
  });
}

/** The value of an all-constant signed bit vector, or undefined. */
function constValue(bits: readonly BitRef[]): number | undefined {
  if (!allConst(bits)) return undefined;
  let v = 0;
  bits.forEach((b, k) => (v += b === ONE ? (k === bits.length - 1 ? -(2 ** k) : 2 ** k) : 0));
  return v;
}

/**
 * Sum bits where both operands carry information (neither a constant nor a copy of the bit below, i.e. not a
 * sign extension): a wide full-width sum costs more per bit than a narrow one (costs.ts, `addDense`).
 */
function denseBits(a: readonly BitRef[], b: readonly BitRef[], low: number, top: number): number {
  const info = (x: readonly BitRef[], k: number) => !isConst(x[k]) && (k === 0 || x[k] !== x[k - 1]);
  let n = 0;
  for (let k = low; k <= top; k++) if (info(a, k) && info(b, k)) n++;
  return n;
}

/** A register (chain) holding a constant is that constant (`opt_dff`); other bits are returned as they are. */
function registeredConst(net: BitNetlist, bit: BitRef): BitRef {
  for (let b = bit, steps = 0; !isConst(b) && steps < 64; steps++) {
    const node = net.nodes[net.nodeOfBit[b]];
    const c = node.cell;
    if (c?.op !== 'reg') return bit;
    const k = b - node.base;
    const d = net.bits(c.d)[k];
    if (isConst(d)) return c.reset === undefined || ((c.reset >> BigInt(k)) & 1n) === (d === ONE ? 1n : 0n) ? d : bit;
    b = d;
  }
  return bit;
}

const allConst = (bits: readonly BitRef[]): boolean => bits.every(isConst);

/** Width without redundant sign-extension bits (a copy of the bit below is no information). */
function significantWidth(a: readonly BitRef[], b: readonly BitRef[]): number {
  const trim = (x: readonly BitRef[]) => {
    let w = x.length;
    while (w > 1 && x[w - 1] === x[w - 2]) w--;
    return w;
  };
  return Math.max(trim(a), trim(b));
}

function countLive(live: Uint8Array, base: number, width: number): number {
  let n = 0;
  for (let k = 0; k < width; k++) n += live[base + k];
  return n;
}

function highestLive(live: Uint8Array, base: number, width: number): number {
  for (let k = width - 1; k >= 0; k--) if (live[base + k]) return k;
  return -1;
}
