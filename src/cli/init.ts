import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { fail } from '../diagnostics/diagnostic.ts';
import { initConfig } from '../init/index.ts';
import { GRANULARITIES, type Granularity } from '../init/plan.ts';
import { writeOutputFile } from '../util/write-output.ts';
import { positiveNumber } from './options.ts';

interface InitFlags {
  input?: string;
  granularity: string;
  output?: string;
  targetError: number;
  margin: number;
  force?: boolean;
}

const granularity = (text: string): Granularity => {
  if ((GRANULARITIES as readonly string[]).includes(text)) return text as Granularity;
  throw fail('bad-option', { key: '--granularity' }, `must be one of ${GRANULARITIES.join(', ')}, not ${JSON.stringify(text)}`);
};

const fraction = (text: string): number => {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 10) throw fail('bad-option', { key: '--margin' }, `must be a number from 0 to 10 (0.25 = 25 % headroom), not ${JSON.stringify(text)}`);
  return n;
};

const targetError = (text: string): number => {
  const n = positiveNumber('--target-error')(text);
  if (n >= 1) throw fail('bad-option', { key: '--target-error' }, `must be below 1 (e.g. 0.001), not ${JSON.stringify(text)}`);
  return n;
};

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write an hls4ml-style YAML config for a model: per-layer precisions fit to input data (-i), or grown exactly, each commented with why')
    .argument('<model>', 'model file (.onnx, Keras .json/.h5/.keras)')
    .option('-i, --input <file>', 'input vectors (.dat, .csv or .json) whose observed ranges size the result types')
    .option('--granularity <level>', `one type for the whole model, per layer type, or per layer name (${GRANULARITIES.join('|')})`, granularity, 'name')
    .option('--target-error <e>', 'largest rounding error wanted per value: sets the fractional bits', targetError, 1e-3)
    .option('--margin <fraction>', 'headroom over the observed magnitudes (0.25 = 25 %)', fraction, 0.25)
    .option('-o, --output <config.yml>', 'write the config here (default: stdout)')
    .option('--force', 'replace an existing output file')
    .action((model: string, f: InitFlags) => {
      if (f.output) checkOutput(f.output, !!f.force);
      const r = initConfig({ model, input: f.input, granularity: f.granularity as Granularity, margin: f.margin, targetError: f.targetError, output: f.output });
      if (!f.output) return void process.stdout.write(r.yaml);
      writeOutputFile(f.output, r.yaml, '--output');
      process.stderr.write(`wrote ${f.output}${r.samples ? ` (ranges from ${r.samples} input vectors)` : ''}; check it with: hlsforge verify -c ${f.output}\n`);
    });
}

function checkOutput(path: string, force: boolean): void {
  const ext = extname(path).toLowerCase();
  if (ext !== '.yml' && ext !== '.yaml') throw fail('bad-option', { key: '--output' }, `must be a .yml or .yaml file, not ${JSON.stringify(path)}`);
  if (existsSync(resolve(path)) && !force) throw fail('cannot-write', { file: resolve(path), key: '--output' }, 'must be a new file, not an existing one (pass --force to replace it)');
}
