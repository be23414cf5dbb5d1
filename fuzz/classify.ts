import { CATALOG } from '../src/diagnostics/catalog.ts';

export type Outcome = 'success' | 'error' | 'crash' | 'hang' | 'leftover';

export interface Run {
  readonly status: number | null;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut?: boolean;
}

const ERROR_LINE = /^hlsforge: error\[([a-z-]+)\]: [^\n]*$/;

/**
 * success: exit 0 and no error line; error: exit 1 and stderr's one non-warning line is a catalogued error; hang: over
 * the time bound; leftover: temporary files left; crash: anything else (an internal error, a stack, a signal).
 */
export function classify(run: Run, hangMs: number, leftovers: readonly string[]): Outcome {
  if (run.timedOut || run.ms > hangMs) return 'hang';
  if (leftovers.length > 0) return 'leftover';
  const lines = run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('hlsforge: warning[') && !l.startsWith('hlsforge: progress: '));
  if (run.status === 0) return lines.some((l) => l.startsWith('hlsforge: error') || l.includes('internal error')) ? 'crash' : 'success';
  if (run.status !== 1 || lines.length !== 1) return 'crash';
  const m = ERROR_LINE.exec(lines[0]);
  return m && Object.hasOwn(CATALOG, m[1]) ? 'error' : 'crash';
}
