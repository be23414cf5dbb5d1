import { fail, type Where } from '../../diagnostics/diagnostic.ts';
import { DataType, int64, type ValueInfoProto } from './proto.ts';
import { dtypeName } from './tensor.ts';

const FLOAT_TYPES: readonly number[] = [DataType.FLOAT, DataType.DOUBLE, DataType.FLOAT16];

/** One dimension as written in the model: a number, a symbolic name, or '?' when left out. */
function dimText(d: { dimValue?: unknown; dimParam?: string | null }): string {
  if (d.dimParam) return d.dimParam;
  return d.dimValue != null ? String(int64(d.dimValue as number)) : '?';
}

/**
 * Where a graph input has its batch axis: the first dimension when it is symbolic, 1, −1 or left out; else the one
 * symbolic dimension (a time-major `[T, batch, n]` input of a recurrent model exported with batch_first=False).
 */
function batchAxisOf(dims: readonly { dimValue?: unknown; dimParam?: string | null }[]): number {
  const first = dims[0];
  const firstSize = first.dimParam || first.dimValue == null ? 1 : int64(first.dimValue as number);
  if (firstSize === 1 || firstSize === -1 || firstSize === 0) return 0;
  const symbolic = dims.flatMap((d, k) => (d.dimParam ? [k] : []));
  return symbolic.length === 1 ? symbolic[0] : 0;
}

/**
 * The shape of a graph input without its batch dimension, and where the batch axis is. The batch is the first
 * dimension (symbolic, 1, −1 or left out) or the only symbolic one; the others must be fixed.
 */
export function graphInputLayout(vi: ValueInfoProto, where: Where): { shape: number[]; batchAxis: number } {
  const tensorType = vi.type?.tensorType;
  const elem = tensorType?.elemType ?? 0;
  if (!FLOAT_TYPES.includes(elem)) {
    throw fail('unsupported-dtype', where, `input '${vi.name}' must be FLOAT, DOUBLE or FLOAT16, not ${dtypeName(elem)}`);
  }
  const dims = tensorType?.shape?.dim ?? [];
  const text = `[${dims.map(dimText).join(', ')}]`;
  if (dims.length < 2) {
    throw fail('shape-mismatch', where, `input '${vi.name}' must have a batch dimension and features, [batch, n], not ${text}`);
  }
  const batchAxis = batchAxisOf(dims);
  const batch = dims[batchAxis];
  const batchSize = batch.dimParam || batch.dimValue == null ? 1 : int64(batch.dimValue);
  if (batchSize !== 1 && batchSize !== -1 && batchSize !== 0) {
    throw fail('shape-mismatch', where, `the batch dimension of input '${vi.name}' must be 1 or symbolic, not ${batchSize}`);
  }
  const features = dims.filter((_d, k) => k !== batchAxis).map((d) => (d.dimParam || d.dimValue == null ? -1 : int64(d.dimValue)));
  if (features.some((d) => d <= 0)) {
    throw fail('shape-mismatch', where, `the dimensions of input '${vi.name}' after the batch must be fixed, not ${text}`);
  }
  return { shape: features, batchAxis };
}
