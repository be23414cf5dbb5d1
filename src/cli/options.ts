import type { Command } from 'commander';
import type { ConfigOverrides } from '../config/load-config.ts';

/** Flags shared by every command that compiles a model; each overrides the YAML key named in its help. */
export function addModelOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'hls4ml-style YAML configuration')
    .option('--precision <type>', 'HLSConfig.Model.Precision, e.g. ap_fixed<16,6>')
    .option('--reuse-factor <n>', 'HLSConfig.Model.ReuseFactor', (v) => Number(v))
    .option('--strategy <name>', 'HLSConfig.Model.Strategy: Latency or Resource')
    .option('--part <part>', 'Part')
    .option('--clock-period <ns>', 'ClockPeriod in ns', (v) => Number(v))
    .option('--backend <name>', 'Backend: Vivado or Vitis')
    .option('--project-name <name>', 'ProjectName')
    .option('--json', 'machine-readable output on stdout')
    .option('-v, --verbose', 'print each compiler pass');
}

export interface ModelFlags {
  config?: string;
  precision?: string;
  reuseFactor?: number;
  strategy?: string;
  part?: string;
  clockPeriod?: number;
  backend?: string;
  projectName?: string;
  output?: string;
  json?: boolean;
  verbose?: boolean;
}

export const overridesFrom = (f: ModelFlags, withOutput: boolean): ConfigOverrides => ({
  precision: f.precision,
  reuseFactor: f.reuseFactor,
  strategy: f.strategy,
  part: f.part,
  clockPeriod: f.clockPeriod,
  backend: f.backend,
  projectName: f.projectName,
  outputDir: withOutput ? f.output : undefined,
});

/** Progress goes to stderr, only on a terminal, so stdout stays clean for --json and pipes. */
export const progress = (json?: boolean) => (msg: string) => {
  if (!json && process.stderr.isTTY) process.stderr.write(`\u001b[2K\r… ${msg}`);
};
export const endProgress = (json?: boolean) => {
  if (!json && process.stderr.isTTY) process.stderr.write('\u001b[2K\r');
};
