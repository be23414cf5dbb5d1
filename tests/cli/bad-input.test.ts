import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OnnxModelBuilder } from '../fixtures/onnx-builder.ts';
import { hlsforge } from '../helpers/cli.ts';

const JET = resolve(import.meta.dirname, '../../examples/jet_tagger/jet_tagger.onnx');

const workdirs: string[] = [];
afterAll(() => workdirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function workdir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hlsforge-bad-'));
  workdirs.push(d);
  return d;
}

/** One clear line on stderr, exit code 1, and nothing written: no project, no temporary folder. */
function expectCleanFailure(dir: string, args: string[], code: string, text: string): void {
  const before = readdirSync(dir).sort();
  const r = hlsforge(args, { cwd: dir });
  expect(r.status).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`hlsforge: error[${code}]: `);
  expect(lines[0]).toContain(text);
  expect(readdirSync(dir).sort()).toEqual(before);
}

describe('bad input gives one clear message, a non-zero exit and no output folder', () => {
  it('reports a truncated .onnx file by name', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'broken.onnx'), readFileSync(JET).subarray(0, 100));
    expectCleanFailure(dir, ['convert', 'broken.onnx', '-o', 'out'], 'onnx-parse', `${join(dir, 'broken.onnx')}: not a valid ONNX model`);
  });

  it('reports an unsupported operator with its node name and the supported list', () => {
    const dir = workdir();
    const m = new OnnxModelBuilder({ opset: 13 }).input('x', ['N', 4]).node('Cos', ['x'], ['y'], {}, 'my_cos').output('y', ['N', 4]);
    writeFileSync(join(dir, 'cos.onnx'), m.encode());
    expectCleanFailure(dir, ['convert', 'cos.onnx', '-o', 'out'], 'unsupported-op', `layer 'my_cos' (Cos): unsupported operator`);
    const r = hlsforge(['convert', 'cos.onnx', '-o', 'out'], { cwd: dir });
    expect(r.stderr).toMatch(/supported: .*Gemm.*Softmax/);
  });

  it('reports a misspelt YAML key with the closest known key', () => {
    const dir = workdir();
    copyFileSync(JET, join(dir, 'm.onnx'));
    writeFileSync(join(dir, 'c.yml'), 'OnnxModel: m.onnx\nOutputDir: out\nHLSConfig:\n  Model:\n    Precison: ap_fixed<8,3>\n');
    expectCleanFailure(dir, ['convert', '-c', 'c.yml'], 'config-unknown-key', "key 'HLSConfig.Model.Precison': unknown configuration key: did you mean 'HLSConfig.Model.Precision'?");
  });

  it('refuses a ProjectName that would escape the project folder', () => {
    const dir = workdir();
    copyFileSync(JET, join(dir, 'm.onnx'));
    writeFileSync(join(dir, 'c.yml'), 'OnnxModel: m.onnx\nOutputDir: out\nProjectName: ../../x\n');
    expectCleanFailure(dir, ['convert', '-c', 'c.yml'], 'unsafe-name', `key 'ProjectName': unsafe name: must be a C++ identifier`);
    expect(existsSync(resolve(dir, '../../x'))).toBe(false);
  });

  it('refuses to replace a folder that is not an hlsforge project, or the working directory', () => {
    const dir = workdir();
    copyFileSync(JET, join(dir, 'm.onnx'));
    mkdirSync(join(dir, 'existing'));
    writeFileSync(join(dir, 'existing', 'keep.txt'), 'x');
    expectCleanFailure(dir, ['convert', 'm.onnx', '-o', 'existing'], 'unsafe-path', 'exists and is not an hlsforge project');
    expect(readFileSync(join(dir, 'existing', 'keep.txt'), 'utf8')).toBe('x');
    expectCleanFailure(dir, ['convert', 'm.onnx', '-o', '.'], 'unsafe-path', 'would replace the working directory');
  });

  it('reports a missing model file', () => {
    const dir = workdir();
    expectCleanFailure(dir, ['convert', 'nope.onnx', '-o', 'out'], 'file-not-found', `${join(dir, 'nope.onnx')}: file not found`);
  });
});
