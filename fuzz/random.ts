import { mulberry32 } from '../src/data/random-inputs.ts';

/** The fuzzer's seeded choices: the same seed replays the same cases. */
export class Random {
  private readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Values that break naive code: limits, signs, NaN, huge and tiny, text where numbers go. */
export const HOSTILE_NUMBERS = ['0', '-1', '-5', '1e309', '-1e309', 'NaN', '.nan', '.inf', '1e-320', '4294967297', '9007199254740993', '0x10', '1_000', '""', '[]', '{}', 'null', '~'];
export const HOSTILE_TEXT = ['', ' ', '\n', 'a\nb', '\u0000', '../../etc/passwd', '/', 'ä∑😀', '%s%n', '${HOME}', '*', '&a', '!!binary', 'x'.repeat(300), 'size_t', 'int'];
export const HOSTILE_PRECISIONS = ['ap_fixed<65,32>', 'ap_int<65>', 'ap_fixed<1024,512>', 'ap_fixed<16,-100>', 'ap_fixed<64,200>', 'ap_fixed<0,0>', 'ap_fixed<16,6,AP_RND_CONV,AP_SAT_SYM>', 'ap_ufixed<1,1>', 'ap_fixed<16,6>\nx', 'ap_fixed<2,1>', 'auto', 'ap_fixed<53,1>', 'ap_fixed<16,6,AP_BOGUS>', 'ap_fixed<16'];
