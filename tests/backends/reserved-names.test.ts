/**
 * Issue 9, case 10: layer names that are C/C++ keywords, standard types and macros, ap_* and nnet names, Verilog and
 * SystemVerilog keywords, a leading digit or punctuation all reach the generated code through the one sanitizer. One
 * graph carries them all; its HLS project must compile and run bit-exact under g++ and its Verilog must lint clean.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRtlProject } from '../../src/backends/rtl/index.ts';
import type { Graph } from '../../src/ir/graph.ts';
import { run } from '../../src/rtlsim/build.ts';
import { csimAgainstEmulator, expectBitExact } from '../csim/csim-harness.ts';
import { dag, randomArray, rng, type LayerSpec } from '../emulator/build-graph.ts';
import { configFor, hasVerilator } from '../rtlsim/rtl-harness.ts';

const LONG = 'a_layer_name_long_enough_to_be_shortened_with_a_hash_of_the_whole_name_';

/**
 * Names a C++ or Verilog compiler would choke on if they reached an identifier or a comment verbatim: reserved words,
 * a leading digit, punctuation, comment terminators, a line continuation, a trigraph, a newline, a compiler directive,
 * non-ASCII, and pairs that sanitize alike (`my-layer.v2`/`my_layer_v2`, two long names differing at the end).
 */
export const RESERVED_NAMES = [
  'size_t', 'int8_t', 'uint64_t', 'NULL', 'EOF', 'INT_MAX', 'assert', 'ap_fixed', 'ap_int', 'ap_uint', 'nnet', 'hls', 'std',
  'main', 'class', 'int', 'float', 'template', 'typename', 'nullptr', 'true', 'module', 'endmodule', 'always', 'logic',
  'input', 'output', 'reg', 'wire', 'begin', 'end', 'assign', 'clk', 'rst', 'x', 'y', '9lives', 'my-layer.v2', 'my_layer_v2',
  'a*/b', 'c/*d', 'ends with \\', 'new\nline', '`define X 1', 'q??/', 'café', `${LONG}1`, `${LONG}2`,
];

type Spec = LayerSpec & { from?: string[] };

/** input → dense → a chain of alternating relu/linear layers → an add of the chain and the dense, named in RESERVED_NAMES order. */
function reservedGraph(): Graph {
  const random = rng(5);
  const [first, dense] = RESERVED_NAMES;
  const chainNames = RESERVED_NAMES.slice(2, -1);
  const merge = RESERVED_NAMES[RESERVED_NAMES.length - 1];
  const specs: Spec[] = [
    { kind: 'input', name: first, shape: [4], precision: { result: 'ap_fixed<10,4>' } },
    {
      kind: 'dense', name: dense, from: [first], shape: [4], nIn: 4, nOut: 4, weights: randomArray(random, 16, 1), bias: randomArray(random, 4, 0.5),
      precision: { weight: 'ap_fixed<8,2,AP_RND>', bias: 'ap_fixed<8,3>', accum: 'ap_fixed<18,8>', result: 'ap_fixed<12,5,AP_RND,AP_SAT>' },
    },
  ];
  let prev = dense;
  chainNames.forEach((name, k) => {
    specs.push({ kind: k % 2 ? 'linear' : 'relu', name, from: [prev], shape: [4], precision: { result: k % 2 ? 'ap_fixed<12,5>' : 'ap_ufixed<11,5>' } } as Spec);
    prev = name;
  });
  specs.push({ kind: 'merge', name: merge, op: 'add', from: [prev, dense], shape: [4], precision: { result: 'ap_fixed<14,6>' } });
  return dag(specs, [merge], 'reserved names');
}

describe('layer names that are reserved words in C, C++, ap_types, Verilog or SystemVerilog', () => {
  it('every name is used once, as a layer of the test graph', () => {
    const graph = reservedGraph();
    expect(new Set(graph.layers.map((l) => l.name))).toEqual(new Set(RESERVED_NAMES));
    expect(graph.layers).toHaveLength(RESERVED_NAMES.length);
  });

  it('give an HLS project that g++ compiles and that matches the emulator bit for bit', async () => {
    expectBitExact(await csimAgainstEmulator(reservedGraph(), { batch: 200 }), 10);
  });

  it.skipIf(!hasVerilator)('give Verilog that passes verilator --lint-only -Wall without warnings', async () => {
    const config = configFor();
    const dir = mkdtempSync(join(tmpdir(), 'hlsforge-reserved-'));
    try {
      const info = writeRtlProject(reservedGraph(), config, dir, { inputs: new Float64Array(4), predictions: new Float64Array(4), batch: 1 });
      const modules = info.perLayer.map((l) => l.module);
      expect(new Set(modules).size).toBe(RESERVED_NAMES.length - 1);
      for (const m of modules) expect(m).toMatch(/^myproject_[A-Za-z0-9]+(_[A-Za-z0-9]+)*$/);
      const files = [...info.perLayer.map((l) => `rtl/${l.module}.v`), `rtl/${config.projectName}.v`];
      const lint = await run('verilator', ['--lint-only', '-Wall', '--top-module', config.projectName, ...files], dir);
      expect(lint.output).toBe('');
      expect(lint.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
