import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validReuseFactors } from '../../../src/passes/validate-reuse.ts';
import { build, hasGxx, HLS_DIR, run, writeText } from '../../fixed/cpp/gxx.ts';
import { tempDirForFile } from '../../helpers/temp.ts';

/**
 * The Resource-strategy dense reshapes its weight array so that each ReuseLoop iteration reads ONE ROM word
 * (docs/hls.md, "Dense, Resource strategy"). g++ ignores the pragma, so this test checks it against what the kernel
 * really reads: a driver instantiates nnet::dense_resource with index-recording types (every product `data[i] *
 * weights[k]` prints i and k), and the words of the reshape the header declares (type and factor parsed from the
 * pragma, its factor evaluated for the layer) must put all weights of one iteration (inputs i of one block of
 * ⌈n_in / R⌉) in one word, with R words in all.
 */
const header = readFileSync(join(HLS_DIR, 'nnet/nnet_dense_resource.h'), 'utf8');
const gxx = hasGxx();
const dir = tempDirForFile('reshape');

const LAYERS: [nIn: number, nOut: number][] = [
  [16, 64],
  [10, 3],
  [7, 5],
];
const cases = LAYERS.flatMap(([nIn, nOut]) => validReuseFactors(nIn).filter((r) => r > 1).map((r) => ({ nIn, nOut, r })));

function driver(): string {
  const configs = cases.map(
    (c, n) => `struct config${n} { static const unsigned n_in = ${c.nIn}, n_out = ${c.nOut}, reuse_factor = ${c.r}; static const bool cast_products = false; typedef W weight_t; typedef B bias_t; typedef Acc accum_t; };`,
  );
  const calls = cases.map(
    (c, n) => `  { static D d[${c.nIn}]; static W w[${c.nIn * c.nOut}]; static B b[${c.nOut}]; static Acc y[${c.nOut}];
    for (unsigned i = 0; i < ${c.nIn}; i++) d[i].i = i;
    base = w; std::printf("case ${n}\\n"); nnet::dense_resource<D, Acc, config${n}>(d, y, w, b); }`,
  );
  return `#include <cstdio>
#include "nnet/nnet_dense_resource.h"
struct W { int unused; };
struct B { int unused; };
struct D { unsigned i; };
static const W *base = 0;
struct P { unsigned i; long k; };
inline P operator*(const D &d, const W &w) { P p = { d.i, &w - base }; return p; }
struct Acc {
  Acc() {}
  Acc(const B &) {}
  Acc operator+(const P &p) const { std::printf("%u %ld\\n", p.i, p.k); return *this; }
};
${configs.join('\n')}
int main() {
${calls.join('\n')}
  return 0;
}
`;
}

/** The reshape pragma of the header: kind and the factor for one layer (the factor's definition evaluated). */
function reshapeOf(nIn: number, nOut: number, r: number): { kind: 'cyclic' | 'block'; factor: number } {
  const m = /#pragma HLS ARRAY_RESHAPE variable = weights (cyclic|block) factor = (\w+)/.exec(header);
  if (!m) throw new Error('no weights ARRAY_RESHAPE pragma in nnet_dense_resource.h');
  const env: Record<string, number> = { 'CONFIG_T::n_in': nIn, 'CONFIG_T::n_out': nOut, 'CONFIG_T::reuse_factor': r };
  const evaluate = (expr: string): number => {
    const e = expr.trim();
    if (/^\d+$/.test(e)) return Number(e);
    if (e in env) return env[e];
    const ceil = /^ceil_div<(.+), (.+)>::value$/.exec(e);
    if (ceil) return Math.ceil(evaluate(ceil[1]) / evaluate(ceil[2]));
    const product = e.split(' * ');
    if (product.length > 1) return product.map(evaluate).reduce((a, b) => a * b, 1);
    const def = new RegExp(`static const unsigned ${e} = (.+);`).exec(header);
    if (!def) throw new Error(`cannot evaluate '${e}'`);
    return evaluate(def[1]);
  };
  return { kind: m[1] as 'cyclic' | 'block', factor: evaluate(m[2]) };
}

/** Xilinx ARRAY_RESHAPE: the word holding element k of an S-element array. */
function wordOf(kind: 'cyclic' | 'block', factor: number, size: number, k: number): number {
  return kind === 'cyclic' ? Math.floor(k / factor) : k % Math.ceil(size / factor);
}

describe('the Resource-strategy dense weight reshape', () => {
  it.skipIf(!gxx)('puts all the weights one ReuseLoop iteration reads in one ROM word, R words in all', { timeout: 120_000 }, async () => {
    if (!gxx) console.warn('g++ not installed: the reshape test is skipped');
    const exe = join(dir, 'reshape');
    await build([{ source: writeText(dir, 'reshape.cpp', driver()) }], exe);
    const blocks = run(exe, '').split('case ').slice(1);
    expect(blocks.length).toBe(cases.length);
    cases.forEach(({ nIn, nOut, r }, n) => {
      const reads = blocks[n].trim().split('\n').slice(1).map((line) => line.split(' ').map(Number));
      const size = nIn * nOut;
      // every weight is read exactly once
      expect(reads.map(([, k]) => k).sort((a, b) => a - b)).toEqual(Array.from({ length: size }, (_, k) => k));
      const { kind, factor } = reshapeOf(nIn, nOut, r);
      const blockSize = Math.ceil(nIn / r);
      const wordsOfIteration = new Map<number, Set<number>>();
      for (const [i, k] of reads) {
        const iteration = Math.floor(i / blockSize);
        if (!wordsOfIteration.has(iteration)) wordsOfIteration.set(iteration, new Set());
        wordsOfIteration.get(iteration)!.add(wordOf(kind, factor, size, k));
      }
      const perIteration = [...wordsOfIteration.values()].map((s) => s.size);
      expect({ nIn, nOut, r, iterations: wordsOfIteration.size, wordsPerIteration: Math.max(...perIteration) }).toEqual({ nIn, nOut, r, iterations: r, wordsPerIteration: 1 });
      expect(new Set(reads.map(([, k]) => wordOf(kind, factor, size, k))).size).toBe(r);
    });
  });
});
