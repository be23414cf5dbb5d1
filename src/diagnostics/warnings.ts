import type { Where } from './diagnostic.ts';

/**
 * Warnings: things the user should know that do not stop the flow (e.g. an `auto` precision capped by `maximum`).
 * Same grammar as errors: `<file>: layer '<name>' (<op>): key '<key>': <text>: <detail>`. Passes stay pure functions
 * of the graph: they report through this channel and whoever listens (the CLI prints to stderr, tests collect) decides.
 */
export const WARNINGS = {
  'precision-capped': 'precision capped',
  'config-not-honoured': 'hls4ml setting accepted but not honoured',
  'reference-skipped': 'reference outputs not compared',
  'quantizer-type-kept': "the model's quantizer type is kept over the configured one",
} as const;

export type WarningCode = keyof typeof WARNINGS;

export interface HlsforgeWarning {
  readonly code: WarningCode;
  readonly where: Where;
  readonly detail: string;
  readonly message: string;
}

type Listener = (w: HlsforgeWarning) => void;
const listeners = new Set<Listener>();
/** messages of `once` warnings already raised since the last listener started (a command or a collectWarnings call) */
const seen = new Set<string>();

/** Listen for warnings; returns the function that stops listening. */
export function onWarning(listener: Listener): () => void {
  seen.clear();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Run fn and return its result with the warnings it raised. */
export function collectWarnings<T>(fn: () => T): { result: T; warnings: HlsforgeWarning[] } {
  const warnings: HlsforgeWarning[] = [];
  const stop = onWarning((w) => warnings.push(w));
  try {
    return { result: fn(), warnings };
  } finally {
    stop();
  }
}

/**
 * Raise a warning. `once`: a message already raised since the last listener started is not repeated (a config file
 * loaded several times by one command, e.g. `sweep`, warns once).
 */
export function warn(code: WarningCode, where: Where, detail: string, opts: { once?: boolean } = {}): HlsforgeWarning {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.layer !== undefined) parts.push(`layer '${where.layer}'${where.op ? ` (${where.op})` : ''}`);
  if (where.key) parts.push(`key '${where.key}'`);
  const w = { code, where, detail, message: `${parts.length ? parts.join(': ') + ': ' : ''}${WARNINGS[code]}: ${detail}` };
  if (opts.once) {
    if (seen.has(w.message)) return w;
    seen.add(w.message);
  }
  for (const l of listeners) l(w);
  return w;
}
