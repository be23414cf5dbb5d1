import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFixedType } from '../../../src/fixed/index.ts';
import { loadKeras } from '../../../src/frontends/keras/index.ts';
import { thrown } from '../../helpers/thrown.ts';
import { ready, tempDir, values, writeKeras2Weights } from './fixtures.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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

  it('refuses a merge layer as not supported yet, naming the merge kind it waits for', () => {
    const add = { class_name: 'Add', name: 'sum', config: { name: 'sum' }, inbound_nodes: [[['x1', 0, 0, {}], ['x2', 0, 0, {}]]] };
    const file = functional('merge', [input('a', 2), dense('x1', 2, 'a'), dense('x2', 2, 'a'), add], ['a'], ['sum'], { x1: w('x1', 2, 2), x2: w('x2', 2, 2) });
    const e = thrown(() => loadKeras(file, P));
    expect(e.code).toBe('unsupported-layer');
    expect(e.message).toMatch(new RegExp(`^${file}: layer 'sum' \\(Add\\): unsupported layer class: layer class 'Add' is not supported yet: it needs the IR layer kind 'merge', which is still being added; supported: `));
  });
});
