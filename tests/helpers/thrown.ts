import { HlsforgeError } from '../../src/diagnostics/diagnostic.ts';

/** The HlsforgeError `f` throws (fails the test when it throws nothing or something else). */
export function thrown(f: () => unknown): HlsforgeError {
  try {
    f();
  } catch (e) {
    if (e instanceof HlsforgeError) return e;
    throw e;
  }
  throw new Error('expected an HlsforgeError');
}
