import { Command, CommanderError } from 'commander';
import { CATALOG } from '../diagnostics/catalog.ts';
import { isHlsforgeError, oneLine } from '../diagnostics/diagnostic.ts';
import { onWarning } from '../diagnostics/warnings.ts';
import { VERSION } from '../version.ts';
import { handleInterrupts } from '../util/interrupt.ts';

type Register = (program: Command) => void;

/** Each command's module is loaded only when that command runs (or for the help listing): a fast start. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  convert: async () => (await import('./convert.ts')).registerConvert,
  predict: async () => (await import('./predict.ts')).registerPredict,
  csim: async () => (await import('./csim.ts')).registerCsim,
  'rtl-sim': async () => (await import('./rtl-sim.ts')).registerRtlSim,
  verify: async () => (await import('./verify.ts')).registerVerify,
  estimate: async () => (await import('./estimate.ts')).registerEstimate,
  synth: async () => (await import('./synth.ts')).registerSynth,
  sweep: async () => (await import('./sweep.ts')).registerSweep,
  report: async () => (await import('./report.ts')).registerReport,
  init: async () => (await import('./init.ts')).registerInit,
};

/** Entry point of the `hlsforge` binary; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('hlsforge')
    .description('Compile trained neural networks into bit-accurate FPGA firmware (HLS C++), with a bit-exact emulator')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => {} });
  const stopInterrupts = handleInterrupts();
  const stopWarnings = onWarning((w) => process.stderr.write(`hlsforge: warning[${w.code}]: ${w.message}\n`));
  try {
    const named = argv.slice(2).find((a) => !a.startsWith('-'));
    const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
    for (const register of await Promise.all(wanted.map((n) => COMMANDS[n]()))) register(program);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and --version print themselves; usage errors become one catalogued line like every other error
      if (e.exitCode !== 0 && !e.code.startsWith('commander.help')) process.stderr.write(`hlsforge: error[usage]: ${CATALOG.usage}: ${oneLine(e.message.replace(/^error: /, ''))}; see hlsforge --help\n`);
      return e.exitCode;
    }
    if (isHlsforgeError(e)) {
      process.stderr.write(`hlsforge: error[${e.code}]: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`hlsforge: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  } finally {
    stopWarnings();
    stopInterrupts();
  }
}
