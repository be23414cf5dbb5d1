import { isConst, type BitNetlist, type BitRef } from './bits.ts';

/**
 * Bits that are functions of the select signals only: a constant, or a mux bit choosing between two such bits
 * (the weight of a shared multiplier, picked by the cycle counter from R constants). Yosys's `opt_merge` and ABC's
 * structural hashing build each distinct such function once per flattened module, however many multipliers read it:
 * with a few cycle flags there are only a few distinct functions.
 *
 * `keyOf(bit)` is a structural key (equal keys = the same logic), or undefined when the bit depends on data.
 */
export function selectFunctions(net: BitNetlist): (bit: BitRef) => string | undefined {
  const memo = new Map<BitRef, string | undefined>();
  const keyOf = (bit: BitRef): string | undefined => {
    if (isConst(bit)) return String(bit);
    if (memo.has(bit)) return memo.get(bit);
    memo.set(bit, undefined); // a cycle through a register is data
    const node = net.nodes[net.nodeOfBit[bit]];
    const c = node.cell;
    let key: string | undefined;
    if (c?.op === 'mux') {
      const k = bit - node.base;
      const a = keyOf(net.bits(c.a)[k]);
      const b = a === undefined ? undefined : keyOf(net.bits(c.b)[k]);
      if (a !== undefined && b !== undefined) key = a === b ? a : `m${net.bits(c.sel)[0]}(${a},${b})`;
    }
    memo.set(bit, key);
    return key;
  };
  return keyOf;
}
