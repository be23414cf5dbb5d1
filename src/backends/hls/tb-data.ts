import { exactDecimal } from './cpp-literal.ts';

/** Test vectors: one sample per line, values separated by spaces, each the shortest decimal of its exact double. */
export function vectorFile(values: Float64Array, width: number): string {
  const lines: string[] = [];
  for (let start = 0; start < values.length; start += width) {
    const row: string[] = [];
    for (let i = start; i < start + width; i++) row.push(exactDecimal(values[i]));
    lines.push(row.join(' '));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** Parses a vector file back into rows of doubles (blank lines skipped). */
export function parseVectorFile(text: string): number[][] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/\s+/).map(Number));
}
