import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { fail } from '../diagnostics/diagnostic.ts';

/** The largest file of each kind we read: bounded, so an endless or huge input fails fast with a clear message. */
export const READ_LIMITS = {
  /** a YAML configuration is a few kilobytes; 1 MiB leaves room for generous comments */
  config: 1 << 20,
  /** test vectors and labels */
  data: 256 << 20,
  /** an ONNX model (protobuf messages are limited to 2 GiB anyway) */
  model: 1 << 30,
} as const;

const mib = (n: number): string => `${(n / (1 << 20)).toFixed(n < 1 << 20 ? 2 : 0)} MiB`;

/**
 * Read a whole input file with a size bound. Missing → `file-not-found`; a folder → `not-a-file`; larger than `limit`
 * (or a device or pipe that does not end within it, such as /dev/zero) → `too-large`. Never reads more than limit + 1 bytes.
 */
export function readInput(file: string, limit: number, key?: string): Buffer {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw fail('file-not-found', { file, key });
    throw fail('not-a-file', { file, key }, `must be readable, not ${code ?? (e as Error).message}`);
  }
  if (st.isDirectory()) throw fail('not-a-file', { file, key }, 'must be a file, not a folder');
  if (st.isFile() && st.size > limit) throw fail('too-large', { file, key }, `must be at most ${mib(limit)}, not ${mib(st.size)}`);
  if (st.isFile() && st.size > 0) {
    try {
      return readFileSync(file);
    } catch (e) {
      throw fail('not-a-file', { file, key }, `must be readable, not ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  return readStream(file, limit, key);
}

/** Devices, pipes and /proc files report no size: read chunks until the end or the bound. */
function readStream(file: string, limit: number, key?: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw fail('not-a-file', { file, key }, `must be readable, not ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw fail('too-large', { file, key }, `must end within ${mib(limit)}, not continue past it (an endless device such as /dev/zero?)`);
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'EISDIR') throw fail('not-a-file', { file, key }, 'must be a file, not a folder');
    if (e instanceof Error && e.name === 'HlsforgeError') throw e;
    throw fail('not-a-file', { file, key }, `must be readable, not ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks);
}

/** The file as UTF-8 text, bounded like readInput. */
export const readInputText = (file: string, limit: number, key?: string): string => readInput(file, limit, key).toString('utf8');
