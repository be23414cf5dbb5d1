import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A stand-in for Yosys that answers `-V` like the real one and then `fails` (exit 3 with an ERROR line) or `hangs`
 * (sleeps, recording its pid in `<dir>/pids`): the error and Ctrl-C paths of `sweep --synth` without a real synthesis.
 */
export function fakeYosys(dir: string, behaviour: 'fails' | 'hangs'): string {
  const path = join(dir, `yosys-that-${behaviour}`);
  const run = behaviour === 'fails' ? 'echo "ERROR: cannot map this design (fake)"; exit 3' : `echo $$ >> '${join(dir, 'pids')}'; exec sleep 60`;
  writeFileSync(path, `#!/bin/sh\nif [ "$1" = -V ]; then echo "Yosys 0.23 (fake)"; exit 0; fi\n${run}\n`);
  chmodSync(path, 0o755);
  return path;
}
