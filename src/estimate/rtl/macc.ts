import { cellInputs } from '../../backends/rtl/netlist/netlist.ts';
import { isConst, type BinaryCell, type BitNetlist } from './bits.ts';

/**
 * Adders Yosys's `alumacc` merges into the adder that reads them: an add or sub whose every reader is one single
 * other add or sub of the same width, reading it whole (not sign-extended nor shifted), becomes part of that adder's `$macc` (a LUT compressor tree, no carry chain of its own). Returns,
 * per node, whether it is such a merged term; only the last adder of a merged tree gets a carry chain.
 */
export function mergedAdders(net: BitNetlist, reader = soleReaders(net)): Uint8Array {
  const isAdd = (i: number) => net.nodes[i]?.cell?.op === 'add' || net.nodes[i]?.cell?.op === 'sub';
  // alumacc merges a term only when the reader's operand is exactly its output: the same width, not extended or shifted
  const exactOperand = (i: number, r: number) => {
    const [node, c] = [net.nodes[i], net.nodes[r].cell as BinaryCell];
    const whole = (bits: readonly number[]) => bits.length === node.width && bits.every((b, k) => b === node.base + k);
    return node.width === net.nodes[r].width && (whole(net.bits(c.a)) || whole(net.bits(c.b)));
  };
  return Uint8Array.from(net.nodes, (_, i) => (isAdd(i) && reader[i] >= 0 && isAdd(reader[i]) && exactOperand(i, reader[i]) ? 1 : 0));
}

/** per node: the index of the one node reading its bits, or a negative value (several readers, an output, none) */
export const OUTPUT_ONLY = -1;
export function soleReaders(net: BitNetlist): Int32Array {
  const [OUTPUT, MANY, NONE] = [OUTPUT_ONLY, -2, -3];
  const reader = new Int32Array(net.nodes.length).fill(NONE);
  const read = (from: number, by: number) => {
    const r = reader[from];
    reader[from] = r === NONE || r === by ? by : MANY;
  };
  net.nodes.forEach((node, index) => {
    if (!node.cell) return;
    for (const s of cellInputs(node.cell)) for (const b of net.bits(s)) if (!isConst(b)) read(net.nodeOfBit[b], index);
  });
  for (const b of net.outputs) if (!isConst(b)) read(net.nodeOfBit[b], OUTPUT);
  return reader;
}
