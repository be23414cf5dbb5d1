import type { ModuleBuilder } from '../netlist/builder.ts';
import { cellInputs, type Cell, type Sig } from '../netlist/netlist.ts';
import { cellDelayNs, DELAY_NS, LUT_LEVEL_NS } from '../timing.ts';

/**
 * When a signal is ready (ns of logic after its stage starts), as the scheduler's timing model (timing.ts) prices the
 * combinational cells that build it: ports, registers, multiplies and ROM reads (registered) start at 0; an adder fed
 * by an adder costs a LUT level and a carry entry, others a full carry chain; gates a LUT level. An estimate for
 * choosing how to sum (accumulate.ts), before the netlist is scheduled (no stage boundaries are known yet).
 */
export function arrivalNs(b: ModuleBuilder, s: Sig): number {
  const st = stateOf(b);
  for (; st.seen < b.cells.length; st.seen++) {
    const c = b.cells[st.seen];
    if (c.op !== 'inst') st.by.set(c.out, c);
  }
  const visit = (x: Sig): number => {
    const known = st.ns.get(x);
    if (known !== undefined) return known;
    const c = st.by.get(x);
    let ns = 0;
    if (c && c.op !== 'reg' && c.op !== 'ram' && c.op !== 'mul' && c.op !== 'rom' && c.op !== 'inst' && c.op !== 'const') {
      const ins = cellInputs(c).filter((i) => !b.isConstant(i));
      const from = Math.max(0, ...ins.map(visit));
      if (c.op === 'add' || c.op === 'sub') ns = from + (ins.some((i) => st.sums.has(i)) ? LUT_LEVEL_NS + DELAY_NS.carryIn : cellDelayNs(c));
      else if (c.op === 'and' || c.op === 'or' || c.op === 'xor' || c.op === 'mux') ns = from + LUT_LEVEL_NS;
      else ns = from + cellDelayNs(c as Exclude<Cell, { op: 'reg' | 'inst' | 'ram' | 'rom' }>);
      if (c.op === 'add' || c.op === 'sub' || ((c.op === 'resize' || c.op === 'concat') && ins.some((i) => st.sums.has(i)))) st.sums.add(x);
    }
    st.ns.set(x, ns);
    return ns;
  };
  return visit(s);
}

interface State {
  seen: number;
  readonly by: Map<Sig, Cell>;
  readonly ns: Map<Sig, number>;
  /** sums of adders (and extensions of them): an adder reading one merges with it */
  readonly sums: Set<Sig>;
}

const states = new WeakMap<ModuleBuilder, State>();

function stateOf(b: ModuleBuilder): State {
  let st = states.get(b);
  if (!st) states.set(b, (st = { seen: 0, by: new Map(), ns: new Map(), sums: new Set() }));
  return st;
}
