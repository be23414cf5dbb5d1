import { fail } from '../diagnostics/diagnostic.ts';
import { READ_LIMITS, readInputText } from '../util/read-input.ts';

/**
 * Class labels, one sample per line: a single integer class index, or a one-hot (or score) row whose largest entry
 * is the class. Values may be separated by spaces or commas; blank lines are ignored.
 */
export function readLabels(file: string, samples: number, classes: number): Int32Array {
  const rows = readInputText(file, READ_LIMITS.data)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (rows.length !== samples) throw fail('input-shape', { file }, `labels must have one line per input sample (${samples}), not ${rows.length}`);
  return Int32Array.from(rows, (row, i) => {
    const values = row.split(/[\s,]+/).map(Number);
    if (values.some((v) => !Number.isFinite(v))) throw fail('input-parse', { file }, `line ${i + 1} must hold numbers, not '${row}'`);
    const label = values.length === 1 ? values[0] : values.indexOf(Math.max(...values));
    if (!Number.isInteger(label) || label < 0 || label >= classes)
      throw fail('input-parse', { file }, `line ${i + 1}: a label must be a class from 0 to ${classes - 1}, not ${row}`);
    return label;
  });
}

/** Fraction of samples whose largest output is the labelled class. */
export function accuracy(outputs: Float64Array, labels: Int32Array, width: number): number {
  let right = 0;
  for (let s = 0; s < labels.length; s++) {
    let best = 0;
    for (let k = 1; k < width; k++) if (outputs[s * width + k] > outputs[s * width + best]) best = k;
    if (best === labels[s]) right++;
  }
  return labels.length ? right / labels.length : 0;
}
