import { CATALOG, type DiagCode } from './catalog.ts';

/** Where a problem is: the file, and the layer/node and its source op when known. */
export interface Where {
  readonly file?: string;
  readonly layer?: string;
  readonly op?: string;
  readonly key?: string;
}

/**
 * The one error type users see. Message grammar (STYLE.md habit 9):
 *   `<file>: layer '<name>' (<op>): <text>`
 * `code` is stable (tests assert it); `text` comes from the catalog.
 */
export class HlsforgeError extends Error {
  constructor(
    readonly code: DiagCode,
    readonly where: Where,
    readonly detail: string,
  ) {
    super(formatMessage(code, where, detail));
    this.name = 'HlsforgeError';
  }
}

function formatMessage(code: DiagCode, where: Where, detail: string): string {
  const parts: string[] = [];
  if (where.file) parts.push(oneLine(where.file));
  if (where.layer !== undefined) parts.push(`layer '${oneLine(where.layer)}'${where.op ? ` (${oneLine(where.op)})` : ''}`);
  else if (where.op) parts.push(`(${oneLine(where.op)})`);
  if (where.key) parts.push(`key '${oneLine(where.key)}'`);
  return `${parts.length ? parts.join(': ') + ': ' : ''}${CATALOG[code]}${detail ? ': ' + oneLine(detail) : ''}`;
}

/** Longest echoed text: a diagnostic stays one readable line whatever a model or file contains. */
const MAX_ECHO = 2000;

/**
 * Values echoed in a message (names, precisions, file contents) are escaped so the diagnostic is exactly one line:
 * newline → `\n`, other control characters → `\xNN`; very long text is cut with `…`.
 */
export function oneLine(text: string): string {
  const escaped = text.replace(/[\x00-\x1f\x7f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return escaped.length > MAX_ECHO ? `${escaped.slice(0, MAX_ECHO)}…` : escaped;
}

/** Build a diagnostic: `fail('unsupported-op', { file, layer, op }, 'supported: Gemm, MatMul, …')`. */
export const fail = (code: DiagCode, where: Where, detail = ''): HlsforgeError => new HlsforgeError(code, where, detail);

export const isHlsforgeError = (e: unknown): e is HlsforgeError => e instanceof HlsforgeError;
