import { parseFixedType } from '../../src/fixed/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import type { Layer } from '../../src/ir/layers.ts';
import { mulberry32 } from '../../src/data/random-inputs.ts';

const P16 = { result: parseFixedType('ap_fixed<16,6>') };
const base = { precision: P16, reuseFactor: 1, strategy: 'latency' as const };

/** An unconfigured MLP graph as a frontend would produce it: dense/activation pairs with seeded random weights. */
export function mlpGraph(sizes: number[], opts: { seed?: number; hidden?: Layer['kind']; last?: Layer['kind'] } = {}): Graph {
  const rnd = mulberry32(opts.seed ?? 7);
  const layers: Layer[] = [{ ...base, kind: 'input', name: 'input_1', inputs: [], shape: [sizes[0]] }];
  let prev = 'input_1';
  for (let k = 1; k < sizes.length; k++) {
    const [nIn, nOut] = [sizes[k - 1], sizes[k]];
    const weights = Float64Array.from({ length: nIn * nOut }, () => (rnd() - 0.5) * (2 / Math.sqrt(nIn)));
    const bias = Float64Array.from({ length: nOut }, () => (rnd() - 0.5) * 0.2);
    const name = `dense_${k}`;
    layers.push({ ...base, kind: 'dense', name, inputs: [prev], shape: [nOut], nIn, nOut, weights, bias });
    const act = k === sizes.length - 1 ? (opts.last ?? 'softmax') : (opts.hidden ?? 'relu');
    const actName = `${act}_${k}`;
    layers.push({ ...base, kind: act, name: actName, inputs: [name], shape: [nOut], tableSize: 1024 } as Layer);
    prev = actName;
  }
  return { name: 'mlp', layers, outputs: [prev] };
}
