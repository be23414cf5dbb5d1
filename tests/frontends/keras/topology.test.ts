import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { emulate } from '../../../src/emulator/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import { verifyGraph } from '../../../src/ir/verify.ts';
import { thrown } from '../../helpers/thrown.ts';
import { ready, values, writeKeras2Weights } from './fixtures.ts';
import { tempDirForFile } from '../../helpers/temp.ts';

const dir = tempDirForFile('keras');
beforeAll(ready);
const P = { defaultPrecision: parseFixedType('ap_fixed<16,6>') };

const ref = (n: string) => [[n, 0, 0, {}]];
const input = (name: string, n: number) => ({ class_name: 'InputLayer', name, config: { name, batch_input_shape: [null, n] }, inbound_nodes: [] });
const dense = (name: string, units: number, from: string) => ({ class_name: 'Dense', name, config: { name, units, activation: 'linear' }, inbound_nodes: [ref(from)] });
const w = (name: string, nIn: number, nOut: number) => ({ [`${name}/kernel:0`]: { shape: [nIn, nOut], data: values(nIn * nOut, nOut) }, [`${name}/bias:0`]: { shape: [nOut], data: values(nOut, 1) } });

function functional(name: string, layers: unknown[], inputs: string[], outputs: string[], weights: Record<string, ReturnType<typeof w>>): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ class_name: 'Functional', config: { name, layers, input_layers: inputs.map((i) => [i, 0, 0]), output_layers: outputs.map((o) => [o, 0, 0]) } }));
  writeKeras2Weights(join(dir, `${name}_weights.h5`), weights, (layers as { name: string }[]).map((l) => l.name));
  return file;
}

describe('functional graph structure is translated faithfully', () => {
  it('keeps two output heads reading one trunk, and two inputs with their own branches', () => {
    const file = functional('heads', [input('a', 3), input('b', 2), dense('trunk', 4, 'a'), dense('head1', 2, 'trunk'), dense('head2', 1, 'trunk'), dense('side', 2, 'b')], ['a', 'b'], ['head1', 'head2', 'side'],
      { trunk: w('trunk', 3, 4), head1: w('head1', 4, 2), head2: w('head2', 4, 1), side: w('side', 2, 2) });
    const g = loadKeras(file, P);
    expect(g.layers.map((l) => [l.name, l.kind, l.inputs])).toEqual([
      ['a', 'input', []], ['b', 'input', []], ['trunk', 'dense', ['a']], ['head1', 'dense', ['trunk']], ['head2', 'dense', ['trunk']], ['side', 'dense', ['b']],
    ]);
    expect(g.outputs).toEqual(['head1', 'head2', 'side']);
  });

  it('refuses a shared layer (one layer called twice)', () => {
    const shared = { ...dense('twice', 2, 'a'), inbound_nodes: [ref('a'), ref('a')] };
    const file = functional('shared', [input('a', 2), shared], ['a'], ['twice'], { twice: w('twice', 2, 2) });
    expect(thrown(() => loadKeras(file, P)).message).toBe(`${file}: layer 'twice' (Dense): unsupported graph topology: a layer must be called once, not 2 times (shared layers are not supported)`);
  });

  it('translates merge layers, Concatenate and Dot, computing what Keras defines', () => {
    const merge = (cls: string, name: string, from: string[], config: Record<string, unknown> = {}) => ({ class_name: cls, name, config: { name, ...config }, inbound_nodes: [from.map((f) => [f, 0, 0, {}])] });
    const ops = ['Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum'] as const;
    const layers = [input('a', 3), dense('x1', 4, 'a'), dense('x2', 4, 'a'), ...ops.map((op) => merge(op, op.toLowerCase(), ['x1', 'x2'])),
      merge('Concatenate', 'cat', ['add', 'x1', 'maximum'], { axis: -1 }), merge('Dot', 'dot', ['x1', 'x2'], { axes: 1 })];
    const outputs = [...ops.map((op) => op.toLowerCase()), 'cat', 'dot'];
    const w2 = { 'x2/kernel:0': { shape: [3, 4], data: values(12, 9) }, 'x2/bias:0': { shape: [4], data: values(4, 5) } };
    const file = functional('merges', layers, ['a'], outputs, { x1: w('x1', 3, 4), x2: w2 });
    const g = loadKeras(file, P);
    verifyGraph(g);
    expect(g.layers.find((l) => l.name === 'cat')).toMatchObject({ kind: 'concatenate', axis: 0, shape: [12] });
    // independent evaluation from the weights written above
    const lin = (k: number[], b: number[], x: number[]) => b.map((bj, j) => bj + x.reduce((s, xi, i) => s + xi * k[i * 4 + j], 0));
    const x = [0.5, -1.25, 2];
    const [x1, x2] = [lin(values(12, 4), values(4, 1), x), lin(values(12, 9), values(4, 5), x)];
    const want = [
      ...x1.map((v, j) => v + x2[j]), ...x1.map((v, j) => v - x2[j]), ...x1.map((v, j) => v * x2[j]),
      ...x1.map((v, j) => (v + x2[j]) / 2), ...x1.map((v, j) => Math.max(v, x2[j])), ...x1.map((v, j) => Math.min(v, x2[j])),
      ...x1.map((v, j) => v + x2[j]), ...x1, ...x1.map((v, j) => Math.max(v, x2[j])),
      x1.reduce((s, v, j) => s + v * x2[j], 0),
    ];
    const y = emulate(g, Float64Array.from(x), 1, { mode: 'float' }).output;
    expect(Array.from(y)).toEqual(want.map((v) => expect.closeTo(v, 12)));
  });

  it('refuses a Concatenate along the batch axis', () => {
    const cat = { class_name: 'Concatenate', name: 'cat', config: { name: 'cat', axis: 0 }, inbound_nodes: [[['x1', 0, 0, {}], ['x2', 0, 0, {}]]] };
    const file = functional('cat0', [input('a', 2), dense('x1', 2, 'a'), dense('x2', 2, 'a'), cat], ['a'], ['cat'], { x1: w('x1', 2, 2), x2: w('x2', 2, 2) });
    expect(thrown(() => loadKeras(file, P)).message).toBe(`${file}: layer 'cat' (Concatenate): unsupported attribute value: axis must be a non-batch axis (1..1 or −1..−1), not 0`);
  });
});
