import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRtl, writeRtlProject } from '../../../src/backends/rtl/index.ts';
import { run } from '../../../src/rtlsim/build.ts';
import { HARD_SIGMOID_KERAS2 } from '../../../src/ir/recurrent.ts';
import type { LayerSpec } from '../../emulator/build-graph.ts';
import { configFor, hasVerilator } from '../../rtlsim/rtl-harness.ts';
import { recurrent, recurrentGraph } from '../../rtlsim/recurrent-graphs.ts';

const config = configFor();
const [T, N_IN, U] = [3, 2, 5];

/** Every kind and pass structure, lanes that do not divide the units (RF 2 and 3 over 5 units), into one merge. */
function graph() {
  const layers: (LayerSpec & { from: string[]; reuseFactor?: number })[] = [
    recurrent('lstm', 'lstm_rf2', 1, { steps: T, nIn: N_IN, units: U, reuseFactor: 2 }),
    recurrent('gru', 'gru_before_rf3', 2, { steps: T, nIn: N_IN, units: U, reuseFactor: 3, resetAfter: false, recurrentActivation: HARD_SIGMOID_KERAS2 }),
    recurrent('gru', 'gru_after', 3, { steps: T, nIn: N_IN, units: U, recurrentBias: true }),
    recurrent('simple_rnn', 'rnn_back', 4, { steps: T, nIn: N_IN, units: U, goBackwards: true, activation: { fn: 'linear' } }),
    { kind: 'merge', name: 'sum', op: 'add', shape: [U], from: ['lstm_rf2', 'gru_before_rf3', 'gru_after', 'rnn_back'] } as LayerSpec & { from: string[] },
  ];
  return recurrentGraph('rnn_lint', layers, ['sum'], { shape: [T, N_IN], type: 'ap_fixed<12,4>' });
}

describe('the Verilog of recurrent layers', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('plans each layer as T steps of passes · (groups + pipeline depth) cycles, GRU reset_before in two passes', () => {
    const plan = planRtl(graph(), config);
    const ii = new Map(plan.perLayer.map((l) => [l.name, l.ii]));
    // lanes = ceil(5 / min(R, 5)): R = 2 → 3 lanes, 2 groups; R = 3 → 2 lanes, 3 groups; R = 1 → 5 lanes, 1 group
    const depth = (name: string, passes: number, groups: number) => ii.get(name)! / T / passes - groups;
    for (const [name, passes, groups] of [['lstm_rf2', 1, 2], ['gru_before_rf3', 2, 3], ['gru_after', 1, 1], ['rnn_back', 1, 1]] as const) {
      expect(Number.isInteger(depth(name, passes, groups))).toBe(true);
      expect(depth(name, passes, groups)).toBeGreaterThanOrEqual(2);
    }
    expect(plan.perLayer.map((l) => l.latency - l.ii)).toEqual(plan.perLayer.map((l) => (l.name === 'sum' ? l.latency - l.ii : 1)));
  });

  it.skipIf(!hasVerilator)('passes verilator --lint-only -Wall without warnings and names the layer each module came from', async () => {
    const g = graph();
    const dir = mkdtempSync(join(tmpdir(), 'hlsforge-rnn-lint-'));
    dirs.push(dir);
    const info = writeRtlProject(g, config, dir, { inputs: new Float64Array(T * N_IN), predictions: new Float64Array(U), batch: 1 });
    const files = [...info.perLayer.map((l) => `rtl/${l.module}.v`), `rtl/${config.projectName}.v`];
    const lint = await run('verilator', ['--lint-only', '-Wall', '--top-module', config.projectName, ...files], dir);
    expect(lint.output).toBe('');
    expect(lint.code).toBe(0);
    for (const l of info.perLayer.filter((p) => p.name !== 'sum'))
      expect(readFileSync(join(dir, `rtl/${l.module}.v`), 'utf8')).toMatch(new RegExp(`^// layer '${l.name}' \\((lstm|gru|simple_rnn)\\): module ${l.module}\\n`));
  });
});
