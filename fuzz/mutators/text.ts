import { HOSTILE_NUMBERS, HOSTILE_PRECISIONS, HOSTILE_TEXT, type Random } from '../random.ts';

/** YAML configuration mutations: hostile values under known keys, unknown keys, nesting, anchors, broken syntax. */
export function mutateYaml(input: Uint8Array, r: Random): Uint8Array {
  const lines = Buffer.from(input).toString('utf8').split('\n');
  const i = r.int(lines.length);
  const value = () => JSON.stringify(r.pick([...HOSTILE_NUMBERS, ...HOSTILE_TEXT, ...HOSTILE_PRECISIONS]));
  switch (r.int(8)) {
    case 0:
      lines[i] = lines[i].replace(/:\s*(.+)$/, `: ${value()}`);
      break;
    case 1:
      lines.push(`    ${r.pick(['Precision', 'ReuseFactor', 'Strategy', 'TableSize', 'Prune', 'Bogus'])}: ${value()}`);
      break;
    case 2:
      lines.push(`HLSConfig:\n  LayerName:\n    ${r.pick(['fc1', 'softmax', 'relu1', 'nope'])}: { Precision: { ${r.pick(['result', 'weight', 'accum', 'exp_table', 'inv_table', 'table', 'bias'])}: ${JSON.stringify(r.pick(HOSTILE_PRECISIONS))} } }`);
      break;
    case 3:
      lines.splice(i, 1);
      break;
    case 4:
      lines[i] = `${'  '.repeat(r.int(40))}${lines[i]}\t`;
      break;
    case 5:
      lines.push('a: &a [1,2,3]', 'b: &b [*a, *a, *a, *a]', 'c: [*b, *b, *b, *b]');
      break;
    case 6:
      lines.push(`${'['.repeat(r.int(2000))}`);
      break;
    default:
      lines[i] = `${r.pick(['ClockPeriod', 'ReuseFactor', 'ProjectName', 'Backend', 'IOType', 'Part'])}: ${value()}`;
  }
  return Buffer.from(lines.join('\n'));
}

/** Input-vector mutations: wrong widths, non-numbers, NaN, huge values, empty files, very long lines. */
export function mutateVectors(input: Uint8Array, r: Random): Uint8Array {
  const rows = Buffer.from(input).toString('utf8').split('\n');
  const i = r.int(rows.length);
  switch (r.int(6)) {
    case 0:
      rows[i] = rows[i].split(' ').slice(1).join(' ');
      break;
    case 1:
      rows[i] = rows[i].replace(/\S+/, r.pick(['NaN', 'inf', 'abc', '1e400', '-1e400', '0x1p3', ',']));
      break;
    case 2:
      return new Uint8Array();
    case 3:
      rows[i] = `${rows[i]} ${'1 '.repeat(r.int(5000))}`;
      break;
    case 4:
      rows[i] = rows[i].replace(/\S+/g, () => r.pick(['1e300', '-1e300', '5e-324', '-0', '32767.99', '-32768']));
      break;
    default:
      rows.splice(i, 0, '\u0000\u0001\r\r\t');
  }
  return Buffer.from(rows.join('\n'));
}
