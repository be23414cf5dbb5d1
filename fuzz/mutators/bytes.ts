import type { Random } from '../random.ts';

/** Byte-level mutations of any file: flips, truncation, insertions, duplicated and zeroed ranges, interesting bytes. */
export function mutateBytes(input: Uint8Array, r: Random): Uint8Array {
  const b = Uint8Array.from(input);
  const at = () => r.int(Math.max(1, b.length));
  switch (r.int(6)) {
    case 0: {
      for (let k = 1 + r.int(8); k > 0; k--) b[at()] ^= 1 << r.int(8);
      return b;
    }
    case 1:
      return b.subarray(0, at());
    case 2: {
      const i = at();
      const extra = Uint8Array.from({ length: 1 + r.int(64) }, () => r.pick([0, 0xff, 0x7f, 0x80, r.int(256)]));
      return concat(b.subarray(0, i), extra, b.subarray(i));
    }
    case 3: {
      const i = at();
      const len = Math.min(b.length - i, 1 + r.int(256));
      return concat(b.subarray(0, i + len), b.subarray(i, i + len), b.subarray(i + len));
    }
    case 4: {
      const i = at();
      b.fill(r.pick([0, 0xff]), i, i + 1 + r.int(32));
      return b;
    }
    default: {
      // a varint or length prefix made huge
      const i = at();
      b[i] = 0xff;
      if (i + 1 < b.length) b[i + 1] = 0xff;
      return b;
    }
  }
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, (o += p.length) - p.length);
  return out;
};
