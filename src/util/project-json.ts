import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fail } from '../diagnostics/diagnostic.ts';
import { PROJECT_MARKER } from './atomic-dir.ts';

/**
 * The parsed hlsforge.json of a generated project, or `not-a-project`. Every reader (csim, rtl-sim, synth) starts here
 * and then checks the shape its own backend wrote.
 */
export function readProjectJson(projectDir: string): { dir: string; file: string; meta: unknown } {
  const dir = resolve(projectDir);
  const file = join(dir, PROJECT_MARKER);
  if (!existsSync(file)) throw fail('not-a-project', { file: dir }, `${PROJECT_MARKER} must exist, not be missing (write one with \`hlsforge convert\`)`);
  try {
    return { dir, file, meta: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (e) {
    throw fail('not-a-project', { file }, `must be JSON, not unreadable (${(e as Error).message})`);
  }
}
