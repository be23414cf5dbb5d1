import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess, type CliResult } from '../../fuzz/run-cli.ts';
import { CATALOG } from '../../src/diagnostics/catalog.ts';
import { pruneUnreachable } from '../../src/frontends/onnx/prune.ts';
import { safeIdentifier } from '../../src/util/identifier.ts';
import { OnnxModelBuilder } from '../fixtures/onnx-builder.ts';
import { tempDirForFile } from '../helpers/temp.ts';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/jet_tagger');
const JET = join(EXAMPLE, 'jet_tagger.onnx');
const INPUTS = join(EXAMPLE, 'inputs.dat');
const work = tempDirForFile('robust');

let n = 0;
/** A fresh folder per case, inside the file's temporary folder. */
function caseDir(): string {
  const d = join(work, `case-${++n}`);
  mkdirSync(d);
  return d;
}

const cli = (args: string[], cwd = caseDir()) => runCliInProcess(args, cwd);

/** Exactly one catalogued line on stderr, exit code 1. */
function expectError(r: CliResult, code: keyof typeof CATALOG, ...texts: string[]): void {
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^hlsforge: error\\[${code}\\]: `));
  expect(lines[0]).toContain(CATALOG[code]);
  for (const t of texts) expect(lines[0]).toContain(t);
  expect(r.status).toBe(1);
}

/** No temporary folder of ours left anywhere in `dir`. */
const leftovers = (dir: string) => readdirSync(dir).filter((e) => e.startsWith('.hlsforge-tmp-') || e.includes('.tmp-'));

function chainModel(length: number): OnnxModelBuilder {
  const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]);
  let prev = 'x';
  for (let i = 0; i < length; i++) {
    m.node('Relu', [prev], [`t${i}`], {}, `relu_${i}`);
    prev = `t${i}`;
  }
  return m.output(prev, ['N', 4]);
}

describe('the issue 9 hostile inputs each give one catalogued line or the right result', () => {
  it('1. walks a 20,000-node chain without exhausting the call stack', async () => {
    const layers = Array.from({ length: 20_001 }, (_, i) => ({ name: `l${i}`, kind: i ? 'relu' : 'input', inputs: i ? [`l${i - 1}`] : [] }));
    expect(pruneUnreachable(layers as never, ['l20000'])).toHaveLength(20_001);
    const dir = caseDir();
    writeFileSync(join(dir, 'chain.onnx'), chainModel(20_000).encode());
    writeFileSync(join(dir, 'in.dat'), '1 -2 3 -4\n-1 2 -3 4\n');
    const r = await cli(['predict', 'chain.onnx', '-i', 'in.dat'], dir);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['1 0 3 0', '0 2 0 4']);
  });

  it('2. bounds file names and identifiers derived from 300-character node names (RTL backend)', async () => {
    const long = 'n'.repeat(300);
    const dir = caseDir();
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]).node('Relu', ['x'], ['a'], {}, `${long}1`).node('Relu', ['a'], ['b'], {}, `${long}2`).output('b', ['N', 4]);
    writeFileSync(join(dir, 'long.onnx'), m.encode());
    const r = await cli(['convert', 'long.onnx', '--backend', 'rtl', '-n', '2', '-o', 'out'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const files = readdirSync(join(dir, 'out', 'rtl'));
    expect(files.every((f) => f.length <= 200)).toBe(true);
    expect(new Set(files).size).toBe(3); // top + two distinct layer modules
    const [a, b] = [safeIdentifier(`${long}1`, () => false, '_'), safeIdentifier(`${long}2`, () => false, '_')];
    expect(a.length).toBeLessThanOrEqual(64);
    expect(a).not.toBe(b);
    expect(safeIdentifier(`${long}1`, () => false, '_')).toBe(a); // stable
  });

  it('3. refuses precisions wider than the emulator computes exactly, naming the key and the 53-bit limit', async () => {
    for (const p of ['ap_int<65>', 'ap_fixed<65,32>', 'ap_fixed<1024,512>']) {
      expectError(await cli(['predict', JET, '-i', INPUTS, '--precision', p]), 'unsupported-precision', "key '--precision'", 'at most 53 bits');
    }
    const dir = caseDir();
    writeFileSync(join(dir, 'c.yml'), `OnnxModel: ${JET}\nHLSConfig:\n  LayerName:\n    fc1: { Precision: { weight: 'ap_fixed<64,10>' } }\n`);
    expectError(await cli(['predict', '-c', 'c.yml', '-i', INPUTS], dir), 'unsupported-precision', "key 'HLSConfig.LayerName.fc1.Precision.weight'", 'at most 53 bits');
  });

  it('4. refuses softmax table types the emulator cannot hold, naming the layer', async () => {
    const dir = caseDir();
    writeFileSync(join(dir, 'a.yml'), `OnnxModel: ${JET}\nHLSConfig:\n  LayerType:\n    Softmax: { Precision: { exp_table: 'ap_fixed<16,-100>' } }\n`);
    expectError(await cli(['predict', '-c', 'a.yml', '-i', INPUTS], dir), 'unsupported-precision', "layer 'softmax' (Softmax)", 'ap_fixed<16,-100>', 'within 53 bits');
    writeFileSync(join(dir, 'b.yml'), `OnnxModel: ${JET}\nHLSConfig:\n  LayerType:\n    Softmax: { Precision: { inv_table: 'ap_fixed<64,200>' } }\n`);
    expectError(await cli(['predict', '-c', 'b.yml', '-i', INPUTS], dir), 'unsupported-precision', "key 'HLSConfig.LayerType.Softmax.Precision.inv_table'");
  });

  it('5. reads an endless InputData (/dev/zero) with a bound and a clear error', async () => {
    const dir = caseDir();
    writeFileSync(join(dir, 'c.yml'), `OnnxModel: ${JET}\nInputData: /dev/zero\n`);
    expectError(await cli(['convert', '-c', 'c.yml', '-o', 'out'], dir), 'too-large', '/dev/zero', 'must end within 256 MiB');
    expect(readdirSync(dir)).toEqual(['c.yml']);
    expectError(await cli(['predict', JET, '-c', '/dev/zero', '-i', INPUTS]), 'too-large', 'must end within 1 MiB');
  });

  it('6. refuses predict -o / or an existing folder without touching it', async () => {
    expectError(await cli(['predict', JET, '-i', INPUTS, '-o', '/']), 'cannot-write', "/: key '--output'", 'not an existing folder');
    const dir = caseDir();
    mkdirSync(join(dir, 'existing'));
    expectError(await cli(['predict', JET, '-i', INPUTS, '-o', 'existing'], dir), 'cannot-write', 'not an existing folder');
    expect(readdirSync(join(dir, 'existing'))).toEqual([]);
  });

  it('7. reports an OutputDir that cannot be created (below a file, in /proc, a 5,000-character name)', async () => {
    const dir = caseDir();
    writeFileSync(join(dir, 'file'), 'x');
    expectError(await cli(['convert', JET, '-n', '2', '-o', 'file/sub'], dir), 'cannot-write', "key 'OutputDir'", 'ENOTDIR');
    expectError(await cli(['convert', JET, '-n', '2', '-o', '/proc/hlsforge-test'], dir), 'cannot-write', "key 'OutputDir'");
    expectError(await cli(['convert', JET, '-n', '2', '-o', 'a'.repeat(5000)], dir), 'cannot-write', 'at most 255 bytes');
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('8. refuses a 1,000,000-wide Gemm before any work, with the parameter count', async () => {
    const dir = caseDir();
    const W = 1_000_000;
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 2]).initializer('w', [2, W], new Float32Array(2 * W).fill(0.5)).initializer('b', [W], new Float32Array(W));
    writeFileSync(join(dir, 'wide.onnx'), m.node('Gemm', ['x', 'w', 'b'], ['y'], {}, 'wide').output('y', ['N', W]).encode());
    const r = await cli(['convert', 'wide.onnx', '-o', 'out'], dir);
    expectError(r, 'too-large', "layer 'wide' (Gemm)", 'at most 1048576 parameters, not 3000000');
    expect(readdirSync(dir)).toEqual(['wide.onnx']);
  });

  it('9. refuses a 50 MB YAML at once', async () => {
    const dir = caseDir();
    writeFileSync(join(dir, 'big.yml'), '# big\n');
    truncateSync(join(dir, 'big.yml'), 50 << 20);
    expectError(await cli(['convert', JET, '-c', 'big.yml'], dir), 'too-large', 'big.yml', 'at most 1 MiB, not 50 MiB');
  });

  it('10. refuses reserved project names (standard types, macros, ap_*, nnet, Verilog keywords)', async () => {
    for (const name of ['size_t', 'int8_t', 'NULL', 'ap_fixed', 'nnet', 'module', 'always_ff'.slice(0, 6), 'logic']) {
      expectError(await cli(['convert', JET, '-n', '2', '--project-name', name, '-o', 'out']), 'unsafe-name', "key 'ProjectName'", JSON.stringify(name));
    }
  });

  it('11. escapes a newline in an echoed value so the error stays one line', async () => {
    const r = await cli(['predict', JET, '-i', INPUTS, '--precision', 'ap_fixed<16,6>\nsecond line']);
    expectError(r, 'bad-precision', '\\n');
  });

  it('12. replaces only what an earlier run wrote, or everything with --force', async () => {
    const dir = caseDir();
    expect((await cli(['convert', JET, '-n', '2', '-o', 'prj'], dir)).status).toBe(0);
    expect(readFileSync(join(dir, 'prj', '.hlsforge-files'), 'utf8')).toContain('hlsforge.json');
    mkdirSync(join(dir, 'prj', 'csim'));
    writeFileSync(join(dir, 'prj', 'csim', 'a.o'), 'build output');
    expect((await cli(['convert', JET, '-n', '3', '-o', 'prj'], dir)).status).toBe(0); // only our files and build outputs
    writeFileSync(join(dir, 'prj', 'notes.txt'), 'mine');
    expectError(await cli(['convert', JET, '-n', '2', '-o', 'prj'], dir), 'unsafe-path', "not 'notes.txt'", '--force');
    expect(readFileSync(join(dir, 'prj', 'notes.txt'), 'utf8')).toBe('mine');
    const forced = await cli(['convert', JET, '-n', '2', '-o', 'prj', '--force'], dir);
    expect(forced.status).toBe(0);
    expect(existsSync(join(dir, 'prj', 'notes.txt'))).toBe(false);
    // a folder that merely holds a file named hlsforge.json is not replaced
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'hlsforge.json'), '{}');
    writeFileSync(join(dir, 'other', 'data.csv'), '1,2');
    expectError(await cli(['convert', JET, '-n', '2', '-o', 'other'], dir), 'unsafe-path', '.hlsforge-files');
    expect(readdirSync(join(dir, 'other')).sort()).toEqual(['data.csv', 'hlsforge.json']);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('command-line mistakes are catalogued lines too', () => {
  it('refuses -n -5, -n abc and -n 0 naming the flag', async () => {
    for (const v of ['-5', 'abc', '0']) expectError(await cli(['convert', JET, '-n', v, '-o', 'out']), 'bad-option', "key '--samples'", `not ${JSON.stringify(v)}`);
  });

  it('refuses a negative --clock-period', async () => {
    expectError(await cli(['estimate', JET, '--clock-period', '-3']), 'bad-option', "key '--clock-period'", 'must be a positive number, not "-3"');
  });

  it("reports commander's own errors (unknown flag, missing argument, unknown command) in the same grammar", async () => {
    expectError(await cli(['convert', JET, '--bogus']), 'usage', "unknown option '--bogus'");
    expectError(await cli(['csim']), 'usage', "missing required argument 'project-dir'");
    expectError(await cli(['frobnicate']), 'usage', "unknown command 'frobnicate'");
  });

  it('reports a YAML tag as one config-parse line, not a raw Node warning (found by the fuzzer)', async () => {
    const dir = caseDir();
    writeFileSync(join(dir, 'c.yml'), `OnnxModel: ${JET}\nHLSConfig:\n  Model: !Model\n    Precision: ap_fixed<8,3>\n`);
    expectError(await cli(['estimate', '-c', 'c.yml'], dir), 'config-parse', 'Unresolved tag: !Model');
  });

  it('reports -c <directory> as not a file', async () => {
    const dir = caseDir();
    mkdirSync(join(dir, 'conf'));
    expectError(await cli(['convert', JET, '-c', 'conf'], dir), 'not-a-file', 'must be a file, not a folder');
  });
});
