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
  if (where.file) parts.push(where.file);
  if (where.layer !== undefined) parts.push(`layer '${where.layer}'${where.op ? ` (${where.op})` : ''}`);
  else if (where.op) parts.push(`(${where.op})`);
  if (where.key) parts.push(`key '${where.key}'`);
  return `${parts.length ? parts.join(': ') + ': ' : ''}${CATALOG[code]}${detail ? ': ' + detail : ''}`;
}

/** Build a diagnostic: `fail('unsupported-op', { file, layer, op }, 'supported: Gemm, MatMul, …')`. */
export const fail = (code: DiagCode, where: Where, detail = ''): HlsforgeError => new HlsforgeError(code, where, detail);

export const isHlsforgeError = (e: unknown): e is HlsforgeError => e instanceof HlsforgeError;
