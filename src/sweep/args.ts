/**
 * Command-line values of `hlsforge sweep`. Errors follow the diagnostic grammar `<thing> must be <expected>, not
 * <actual>` and are thrown as plain Errors for commander to print (tests assert the text).
 */

/** `6..16` (every width), `8..16:2` (a step), or a list `6,8,12`: total widths from 2 to 64, ascending. */
export function parsePrecisionRange(text: string): number[] {
  const range = /^\s*(\d+)\s*\.\.\s*(\d+)\s*(?::\s*(\d+)\s*)?$/.exec(text);
  let widths: number[];
  if (range) {
    const [lo, hi, step] = [Number(range[1]), Number(range[2]), Number(range[3] ?? 1)];
    if (lo > hi) throw new Error(`--precision must be an ascending range like 6..16, not ${text}`);
    if (step < 1) throw new Error(`--precision step must be a positive integer, not ${range[3]}`);
    widths = [];
    for (let w = lo; w <= hi; w += step) widths.push(w);
  } else if (/^\s*\d+(\s*,\s*\d+)*\s*$/.test(text)) {
    widths = text.split(',').map((v) => Number(v.trim()));
  } else {
    throw new Error(`--precision must be a range of total widths like 6..16, 8..16:2 or 6,8,12, not ${text}`);
  }
  for (const w of widths) if (w < 2 || w > 64) throw new Error(`--precision widths must be from 2 to 64, not ${w}`);
  return [...new Set(widths)].sort((a, b) => a - b);
}

/** `1,2,4`: positive integer reuse factors. */
export function parseReuseList(text: string): number[] {
  const parts = text.split(',').map((v) => v.trim());
  for (const p of parts) if (!/^\d+$/.test(p) || Number(p) < 1) throw new Error(`--reuse must be a list of positive integers like 1,2,4, not ${text}`);
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

export function parseIntegerBits(text: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new Error(`--integer-bits must be an integer, not ${text}`);
  return Number(text);
}

export function parseSamples(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new Error(`--samples must be a positive integer, not ${text}`);
  return Number(text);
}
