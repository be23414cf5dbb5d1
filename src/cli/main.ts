import { Command, CommanderError } from 'commander';
import { CATALOG } from '../diagnostics/catalog.ts';
import { isHlsforgeError, oneLine } from '../diagnostics/diagnostic.ts';
import { onWarning } from '../diagnostics/warnings.ts';
import { registerConvert } from './convert.ts';
import { registerPredict } from './predict.ts';
import { registerCsim } from './csim.ts';
import { registerRtlSim } from './rtl-sim.ts';
import { registerVerify } from './verify.ts';
import { registerEstimate } from './estimate.ts';
import { registerSynth } from './synth.ts';
import { registerSweep } from './sweep.ts';
import { VERSION } from '../version.ts';
import { handleInterrupts } from '../util/interrupt.ts';

/** Entry point of the `hlsforge` binary; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('hlsforge')
    .description('Compile trained neural networks into bit-accurate FPGA firmware (HLS C++), with a bit-exact emulator')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => {} });
  const stopInterrupts = handleInterrupts();
  const stopWarnings = onWarning((w) => process.stderr.write(`hlsforge: warning[${w.code}]: ${w.message}\n`));
  registerConvert(program);
  registerPredict(program);
  registerCsim(program);
  registerRtlSim(program);
  registerVerify(program);
  registerEstimate(program);
  registerSynth(program);
  registerSweep(program);
  try {
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
