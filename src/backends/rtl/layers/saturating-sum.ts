import { fracBits, type FixedType, type ReduceTree } from '../../../fixed/index.ts';
import type { ModuleBuilder } from '../netlist/builder.ts';
import { castFx } from '../netlist/cast.ts';
import { addFx, type Fx } from '../netlist/fx.ts';

/**
 * A sum cast to `acc` after every addition, in `order` ('chain': acc = Q(acc + t_i), i ascending, from 0; or a
 * reduce tree with Q at every node), built as ONE exact balanced tree and ONE cast when that is the same function
 * (docs/arithmetic.md, "Saturating sums of non-negative terms"):
 *  - no step rounds: every term is on acc's grid (F_t ≤ F_acc), so each partial sum is too; and
 *  - O = AP_WRAP: Q is reduction mod 2^W_acc, a ring homomorphism, so any order gives Q(Σ t); or
 *  - O ∈ {AP_SAT, AP_SAT_SYM} and every term is ≥ 0: with M = max(acc) ≥ 0, by induction every node equals
 *    min(its exact sum, M) (a leaf of a tree is a term as it is): a node over parts L' ∈ {L, min(L, M)} and
 *    R' ∈ {R, min(R, M)} is min(L' + R', M) (no lower clamp: all ≥ 0 ≥ min(acc)), which is L + R when both are ≤ M
 *    and M otherwise (then L' + R' ≥ M and L + R > M). The chain is the tree ((0 + t_0) + t_1) + ….
 * Otherwise (a term finer than acc: each step rounds, which does not associate; a term that may be negative; AP_SAT_ZERO
 * or AP_WRAP_SM) it builds `order` literally.
 */
export function castSum(b: ModuleBuilder, terms: readonly Fx[], acc: FixedType, order: 'chain' | ReduceTree, nonNegative: boolean, hint: string): Fx {
  if (typeof order === 'number') return terms[order]; // a tree of one leaf has no node to cast
  if (shallowSumExact(terms, acc, nonNegative)) return castFx(b, exactSum(b, terms, hint), acc, `${hint}_acc`);
  if (order === 'chain') {
    let s: Fx = { sig: b.constant(0n, 1, true), frac: fracBits(acc) };
    terms.forEach((t, i) => (s = castFx(b, addFx(b, s, t, `${hint}${i}`), acc, `${hint}_acc${i}`)));
    return s;
  }
  const node = (t: ReduceTree): Fx => (typeof t === 'number' ? terms[t] : castFx(b, addFx(b, node(t[0]), node(t[1]), hint), acc, `${hint}_acc`));
  return node(order);
}

/** Whether `castSum` may build one tree and one cast (the conditions above). */
export function shallowSumExact(terms: readonly Fx[], acc: FixedType, nonNegative: boolean): boolean {
  if (terms.some((t) => t.frac > fracBits(acc))) return false;
  return acc.overflow === 'AP_WRAP' || (nonNegative && (acc.overflow === 'AP_SAT' || acc.overflow === 'AP_SAT_SYM'));
}

/** The exact sum, a balanced tree of adders (each partial sum as wide as its operands need). */
export function exactSum(b: ModuleBuilder, terms: readonly Fx[], hint: string): Fx {
  let level = [...terms];
  while (level.length > 1) {
    const next: Fx[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? addFx(b, level[i], level[i + 1], hint) : level[i]);
    level = next;
  }
  return level[0];
}
