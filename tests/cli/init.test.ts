import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { hlsforge } from '../helpers/cli.ts';
import { tempDirForFile } from '../helpers/temp.ts';

const MODEL = resolve(import.meta.dirname, '../../examples/jet_tagger/jet_tagger.onnx');

describe('hlsforge init', () => {
  const dir = tempDirForFile('init-cli');

  it('writes a commented config that loads, with one LayerType block per kind at granularity type', () => {
    const r = hlsforge(['init', MODEL, '--granularity', 'type', '-o', 'c.yml'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'c.yml'), 'utf8');
    const config = loadConfig({ configFile: join(dir, 'c.yml') });
    expect(config.model).toBe(MODEL);
    expect(Object.keys(config.layerType).sort()).toEqual(['Dense', 'Input', 'Softmax', 'relu']);
    // every precision line says why
    const settings = text.split('\n').filter((l) => /^\s+(weight|bias|accum|result|default|maximum):/.test(l));
    expect(settings.length).toBeGreaterThan(5);
    expect(settings.filter((l) => !/ # \S/.test(l))).toEqual([]);
  });

  it('refuses bad arguments with catalogued errors', () => {
    writeFileSync(join(dir, 'old.yml'), 'kept\n');
    const cases: [string[], string][] = [
      [['--granularity', 'layer'], "hlsforge: error[bad-option]: key '--granularity': bad command-line option: must be one of model, type, name, not \"layer\""],
      [['--target-error', '2'], "hlsforge: error[bad-option]: key '--target-error': bad command-line option: must be below 1 (e.g. 0.001), not \"2\""],
      [['--margin', '-1'], "hlsforge: error[bad-option]: key '--margin': bad command-line option: must be a number from 0 to 10 (0.25 = 25 % headroom), not \"-1\""],
      [['-o', 'c.txt'], "hlsforge: error[bad-option]: key '--output': bad command-line option: must be a .yml or .yaml file, not \"c.txt\""],
      [['-o', 'old.yml'], `hlsforge: error[cannot-write]: ${join(dir, 'old.yml')}: key '--output': cannot write the output: must be a new file, not an existing one (pass --force to replace it)`],
    ];
    for (const [args, message] of cases) {
      const r = hlsforge(['init', MODEL, ...args], { cwd: dir });
      expect([r.status, r.stderr.trim()]).toEqual([1, message]);
    }
    expect(readFileSync(join(dir, 'old.yml'), 'utf8')).toBe('kept\n');
  });
});
