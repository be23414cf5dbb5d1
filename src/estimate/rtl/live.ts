import { isConst, type BinaryCell, type BitNetlist, type BitRef } from './bits.ts';

/**
 * Which node bits can reach an output (Yosys's opt_clean removes the rest, bit by bit once cells are mapped):
 * a backward walk from the output ports. A sum bit k needs operand bits 0…k (the carry); a multiply, comparison,
 * reduction or ROM read needs all its input bits; a mux, gate or register bit k needs bit k of its inputs.
 */
export function liveBits(net: BitNetlist): Uint8Array {
  const live = new Uint8Array(net.nodeOfBit.length);
  const whole = new Uint8Array(net.nodes.length);
  /** for sums: operand bits 0 … prefix[node] − 1 are already marked */
  const prefix = new Int32Array(net.nodes.length);
  const work: number[] = [];
  const mark = (b: BitRef | undefined) => {
    if (b === undefined || isConst(b) || live[b]) return;
    live[b] = 1;
    work.push(b);
  };
  const markAll = (bits: readonly BitRef[]) => bits.forEach(mark);
  net.outputs.forEach(mark);
  while (work.length) {
    const bit = work.pop()!;
    const index = net.nodeOfBit[bit];
    const node = net.nodes[index];
    const c = node.cell;
    if (!c) continue;
    const k = bit - node.base;
    switch (c.op) {
      case 'reg':
        mark(net.bits(c.d)[k]);
        if (c.en) mark(net.bits(c.en)[0]);
        break;
      case 'add':
      case 'sub': {
        const [a, b] = [net.bits(c.a), net.bits(c.b)];
        for (let i = prefix[index]; i <= k; i++) {
          mark(a[i]);
          mark(b[i]);
        }
        prefix[index] = Math.max(prefix[index], k + 1);
        break;
      }
      case 'mux':
        mark(net.bits(c.sel)[0]);
        mark(net.bits(c.a)[k]);
        mark(net.bits(c.b)[k]);
        break;
      case 'and':
      case 'or':
      case 'xor':
        mark(net.bits(c.a)[k]);
        mark(net.bits(c.b)[k]);
        break;
      case 'not':
        mark(net.bits(c.a)[k]);
        break;
      default: // mul, lt, gt, eq, redor, rom: every input bit
        if (whole[index]) break;
        whole[index] = 1;
        if (c.op === 'rom') markAll(net.bits(c.addr));
        else if (c.op === 'redor') markAll(net.bits(c.a));
        else if (c.op === 'ram') [c.addr, c.d, c.en].forEach((s) => markAll(net.bits(s)));
        else [c.a, (c as BinaryCell).b].forEach((s) => markAll(net.bits(s)));
    }
  }
  return live;
}
