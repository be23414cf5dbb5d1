import { createHash } from 'node:crypto';

/** Longest identifier we emit: names also become file names (`<project>_<layer>.v`), which the OS bounds (255 bytes). */
export const MAX_IDENTIFIER_LENGTH = 64;

/** A long name keeps its first characters and gets a stable hash of the whole name, so distinct names stay distinct. */
const bounded = (id: string, original: string): string =>
  id.length <= MAX_IDENTIFIER_LENGTH ? id : `${id.slice(0, MAX_IDENTIFIER_LENGTH - 9)}_${createHash('sha256').update(original).digest('hex').slice(0, 8)}`;

/**
 * The shared rule behind every target's name sanitizer (C++ in backends/hls/names.ts, Verilog in backends/rtl/names.ts):
 * invalid characters become `_`, runs of `_` collapse (no reserved `__`), leading and trailing `_` go, a leading digit
 * gets an `n_` prefix, and words the target forbids get `suffix`. With `taken`, the result is also unique in that
 * scope (`_2`, `_3`, … appended) and is added to it. Names longer than MAX_IDENTIFIER_LENGTH are shortened with a
 * stable hash of the original name.
 */
export function safeIdentifier(name: string, forbidden: (id: string) => boolean, suffix: string, taken?: Set<string>): string {
  let id = name
    .replace(/[^A-Za-z0-9_]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (id === '') id = 'unnamed';
  if (/^[0-9]/.test(id)) id = `n_${id}`;
  id = bounded(id, name);
  if (forbidden(id)) id = `${id}${suffix}`;
  if (!taken) return id;
  let unique = id;
  for (let k = 2; taken.has(unique); k++) unique = `${id}_${k}`;
  taken.add(unique);
  return unique;
}

/** Printable ASCII only (a newline would end a `//` comment early) and no `*\/` or `/*`. */
export const commentText = (text: string): string =>
  text
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/\*\//g, '* /')
    .replace(/\/\*/g, '/ *');
