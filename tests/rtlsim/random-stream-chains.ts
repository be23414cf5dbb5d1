import type { Graph } from '../../src/ir/graph.ts';
import { conv, dag, pool, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';

/** Random small io_stream chains for the timing property test (tests/rtlsim/stream-timing.test.ts). */
type Spec = LayerSpec & { from?: string[] };

const X = 'ap_fixed<10,4>';
const CONV = { weight: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,3>', accum: 'ap_fixed<20,8>', result: 'ap_fixed<12,5,AP_RND,AP_SAT>' };
const POOL = { result: 'ap_fixed<12,5,AP_RND,AP_SAT>' };
const DENSE = { weight: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,3>', accum: 'ap_fixed<22,10,AP_RND,AP_SAT>', result: 'ap_fixed<14,7,AP_RND,AP_SAT>' };

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length) % xs.length];

/**
 * One random chain from seed: an image of 4…7 × 4…7 pixels of 1…2 channels, then 2…4 layers drawn from conv
 * (kernel 1…3, stride 1 or 2, 'same' or 'valid', 1…3 filters, reuse factor 1…3), max or average pool (2×2 stride 2,
 * or 3×3 stride 1 padded 1, padding not counted), relu; then flatten and a dense layer of 2 outputs. Layer names carry
 * the seed (`s<seed>_…`). `described` lists the layers drawn, for the test's name.
 */
export function randomStreamChain(seed: number): { graph: Graph; described: string } {
  const random = rng(1000 + seed);
  let shape = [4 + Math.floor(random() * 4), 4 + Math.floor(random() * 4), 1 + Math.floor(random() * 2)];
  const specs: Spec[] = [{ kind: 'input', name: `s${seed}_x`, shape, precision: { result: X } }];
  const reuse = new Map<string, number>();
  const said: string[] = [`${shape.join('x')}`];
  const layers = 2 + Math.floor(random() * 3);
  for (let k = 0; k < layers; k++) {
    const from = specs[specs.length - 1].name;
    const name = `s${seed}_l${k}`;
    const room = Math.min(shape[0], shape[1]);
    const what = pick(random, ['conv', 'conv', 'pool', 'relu'] as const);
    let spec: LayerSpec;
    if (what === 'conv') {
      const kernel = Math.min(room, 1 + Math.floor(random() * 3));
      const strides = pick(random, [1, 1, 2]);
      const padding = pick(random, ['same', 'valid'] as const);
      const filters = 1 + Math.floor(random() * 3);
      const rf = 1 + Math.floor(random() * 3);
      spec = conv(name, shape, filters, { kernel: [kernel, kernel], strides: [strides, strides], padding, random: rng(seed * 31 + k), precision: CONV });
      reuse.set(name, rf);
      said.push(`conv${kernel}x${kernel}/${strides} ${padding} ×${filters} rf${rf}`);
    } else if (what === 'pool' && room >= 2) {
      const op = pick(random, ['max', 'average'] as const);
      const small = room < 4 || random() < 0.5;
      spec = small
        ? pool(name, shape, op, { kernel: [2, 2], precision: POOL })
        : pool(name, shape, op, { kernel: [3, 3], strides: [1, 1], padBegin: [1, 1], padEnd: [1, 1], precision: POOL });
      said.push(`${op} pool ${small ? '2x2/2' : '3x3/1 pad 1'}`);
    } else {
      spec = { kind: 'relu', name, shape, precision: { result: 'ap_ufixed<10,4,AP_RND,AP_SAT>' } };
      said.push('relu');
    }
    specs.push({ ...spec, from: [from] });
    shape = [...spec.shape];
  }
  const n = shape.reduce((a, b) => a * b, 1);
  const r = rng(seed * 7 + 3);
  specs.push({ kind: 'reshape', name: `s${seed}_flat`, shape: [n], from: [specs[specs.length - 1].name] });
  specs.push({ kind: 'dense', name: `s${seed}_fc`, from: [`s${seed}_flat`], shape: [2], nIn: n, nOut: 2, weights: randomArray(r, n * 2, 0.5), bias: randomArray(r, 2, 0.5), precision: DENSE });
  said.push('flatten', 'dense 2');
  const g = dag(specs, undefined, `random_chain_${seed}`);
  return { graph: { ...g, layers: g.layers.map((l) => (reuse.has(l.name) ? { ...l, reuseFactor: reuse.get(l.name)! } : l)) }, described: said.join(' → ') };
}
