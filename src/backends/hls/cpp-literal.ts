/**
 * Exact numbers in generated C++ and test vectors. JavaScript's String(x) is the shortest decimal that reads back as
 * the same double (strtod rounds correctly), so a quantized dyadic value printed here converts exactly to ap_fixed.
 */
export function exactDecimal(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`cannot print ${x} as an exact decimal: only finite numbers have one`);
  return Object.is(x, -0) ? '0' : String(x);
}

/** Values in rows of `perRow`, each row comma-joined, for readable constant arrays. */
export function decimalRows(values: ArrayLike<number>, perRow: number): string[] {
  const rows: string[] = [];
  for (let start = 0; start < values.length; start += perRow) {
    const row: string[] = [];
    for (let i = start; i < Math.min(start + perRow, values.length); i++) row.push(exactDecimal(values[i]));
    rows.push(row.join(', '));
  }
  return rows;
}
