import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedType, quantizeDouble, toValue } from '../../src/fixed/index.ts';
import { tempDirForTest } from '../helpers/temp.ts';
import { build, DRIVER_DIR, hasGxx, run } from './cpp/gxx.ts';

const gxx = hasGxx();
if (!gxx) console.warn('SKIPPED: g++ not found, the API of hls/ap_fixed.h is not checked');

/** What api-main.cpp must print: each value derived here from its definition (a = 1.375, b = −2.5 in ap_fixed<16,6>). */
function expectedLines(): string[] {
  const [a, b] = [1.375, -2.5];
  const sat = fixedType(8, 3, { quant: 'AP_RND', overflow: 'AP_SAT' });
  const wrap16 = (v: number): number => toValue(quantizeDouble(v, fixedType(16, 6)), fixedType(16, 6));
  return [
    `print ${a} ${b} -2048 ${2 ** -10}`,
    `product ${a * b} 32 12`, // ap_fixed<16+16, 6+6>
    `sum ${a + b} ${a - b} ${-a} 17`, // F = 10, I = 6 + 1
    `with-int ${a + 1} ${2 * a} 10110`,
    `to -2 2 ${a} ${b}`, // to_int truncates toward zero
    `sat ${toValue(quantizeDouble(100, sat), sat)} -0.0625`,
    'acc -8', // ap_fixed<12,4,AP_RND,AP_SAT> saturates at −8
    `shift ${a * 4} ${a / 8} ${wrap16(a * 32)}`, // shifts keep the type: a << 5 wraps
    `bits ${a * 1024} ${(a * 1024) >> 4 & 15} 10`,
    `set-bits ${(-(2 ** 15) + 255) / 1024} ${-(2 ** -10)}`,
    `int 100 101 -56 1 30 4 14 2 14`, // ap_uint<4> u = 17 wraps to 1; ap_int<8> i << 1 wraps 200 to −56
    'loop 5',
    `wide 0.0009999999992942321114242076873779296875 ${3.25 * -2}`, // 1e-3 truncated to 40 fractional bits
    `stream ${a} ${b} 1 0`,
    `math ${-b} 1 0`,
  ];
}

describe('the public API of our ap_fixed.h, ap_int.h, hls_stream.h and hls_math.h', () => {
  for (const std of ['c++14', 'c++17'] as const) {
    it.skipIf(!gxx)(`compiles warning-free with -std=${std} -Wall -Wextra -Werror and prints what it should`, async () => {
      const exe = join(tempDirForTest(`cpp-api-${std}`), 'api');
      await build([{ source: join(DRIVER_DIR, 'api-main.cpp') }], exe, { std, flags: ['-Wall', '-Wextra', '-Werror'] });
      expect(run(exe, '').trim().split('\n')).toEqual(expectedLines());
    });
  }
});
