import type { Command } from 'commander';
import type { ConfigOverrides } from '../config/load-config.ts';
import { fail } from '../diagnostics/diagnostic.ts';

/** The most random test vectors a command generates (-n): beyond it the vectors alone would fill memory. */
export const MAX_SAMPLES = 1_000_000;

/**
 * Parsers of numeric flags: commander calls them with the text; a bad value is one `bad-option` diagnostic naming the
 * flag (never a stack trace, never NaN passed on).
 */
export const positiveInteger =
  (flag: string, max = Number.MAX_SAFE_INTEGER) =>
  (text: string): number => {
    const n = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || !(n >= 1) || n > max)
      throw fail('bad-option', { key: flag }, `must be a positive integer${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''}, not ${JSON.stringify(text)}`);
    return n;
  };

export const nonNegativeInteger =
  (flag: string) =>
  (text: string): number => {
    const n = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n)) throw fail('bad-option', { key: flag }, `must be a non-negative integer, not ${JSON.stringify(text)}`);
    return n;
  };

export const positiveNumber =
  (flag: string) =>
  (text: string): number => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || !(n > 0)) throw fail('bad-option', { key: flag }, `must be a positive number, not ${JSON.stringify(text)}`);
    return n;
  };


/** Flags shared by every command that compiles a model; each overrides the YAML key named in its help. */
export function addModelOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'hls4ml-style YAML configuration')
    .option('--precision <type>', 'HLSConfig.Model.Precision, e.g. ap_fixed<16,6>')
    .option('--reuse-factor <n>', 'HLSConfig.Model.ReuseFactor', positiveInteger('--reuse-factor'))
    .option('--strategy <name>', 'HLSConfig.Model.Strategy: Latency or Resource')
    .option('--io-type <name>', 'IOType: io_parallel or io_stream')
    .option('--part <part>', 'Part')
    .option('--clock-period <ns>', 'ClockPeriod in ns', positiveNumber('--clock-period'))
    .option('--backend <name>', 'Backend: Vivado or Vitis')
    .option('--project-name <name>', 'ProjectName')
    .option('--arithmetic <name>', 'Arithmetic: hlsforge or hls4ml (reproduce hls4ml\'s C simulation)')
    .option('--dsp-cost <luts>', 'DspCost (RTL backend): LUTs one DSP slice is worth when choosing constant multipliers, or none')
    .option('--json', 'machine-readable output on stdout')
    .option('-v, --verbose', 'print each compiler pass');
}

export interface ModelFlags {
  config?: string;
  precision?: string;
  reuseFactor?: number;
  strategy?: string;
  ioType?: string;
  part?: string;
  clockPeriod?: number;
  backend?: string;
  projectName?: string;
  arithmetic?: string;
  dspCost?: string;
  output?: string;
  json?: boolean;
  verbose?: boolean;
  force?: boolean;
}

export const overridesFrom = (f: ModelFlags, withOutput: boolean): ConfigOverrides => ({
  precision: f.precision,
  reuseFactor: f.reuseFactor,
  strategy: f.strategy,
  ioType: f.ioType,
  part: f.part,
  clockPeriod: f.clockPeriod,
  backend: f.backend,
  projectName: f.projectName,
  arithmetic: f.arithmetic,
  dspCost: f.dspCost,
  outputDir: withOutput ? f.output : undefined,
});

/**
 * Progress goes to stderr, only on a terminal, so stdout stays clean for --json and pipes; HLSFORGE_PROGRESS=1 prints
 * it as plain lines anywhere (CI logs, tests that wait for a step).
 */
export const progress = (json?: boolean) => (msg: string) => {
  if (process.env.HLSFORGE_PROGRESS === '1') process.stderr.write(`hlsforge: progress: ${msg}\n`);
  else if (!json && process.stderr.isTTY) process.stderr.write(`\u001b[2K\r… ${msg}`);
};
export const endProgress = (json?: boolean) => {
  if (!json && process.stderr.isTTY) process.stderr.write('\u001b[2K\r');
};
