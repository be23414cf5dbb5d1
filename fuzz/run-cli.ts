import { main } from '../src/cli/main.ts';

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Run the CLI in this process, as `hlsforge <args>` in folder `cwd`: stdout and stderr are captured, the working
 * directory and process.exitCode restored afterwards. Much faster than a child process (no Node start-up), so tests
 * and the fuzzer can run hundreds of cases.
 */
export async function runCliInProcess(args: readonly string[], cwd: string): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const [writeOut, writeErr, before] = [process.stdout.write, process.stderr.write, process.cwd()];
  const capture = (sink: string[]) =>
    ((chunk: string | Uint8Array) => (sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()), true)) as typeof process.stdout.write;
  const start = performance.now();
  process.exitCode = undefined;
  process.chdir(cwd);
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  let status: number;
  try {
    status = await main(['node', 'hlsforge', ...args]);
  } catch (e) {
    // main never throws; if it does, that is a crash the caller must see
    err.push(`hlsforge: internal error: (escaped main) ${(e as Error).stack ?? e}\n`);
    status = 2;
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.chdir(before);
    process.exitCode = undefined;
  }
  return { status, stdout: out.join(''), stderr: err.join(''), ms: performance.now() - start };
}
