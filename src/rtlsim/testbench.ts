import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

const TEMPLATE = fileURLToPath(new URL('../../templates/rtl/tb.cpp.hbs', import.meta.url));

/** The C++ testbench for a top module with packed ports of inWords/outWords 32-bit words. */
export function testbench(top: string, inWords: number, outWords: number): string {
  const render = Handlebars.create().compile(readFileSync(TEMPLATE, 'utf8'), { noEscape: true, strict: true });
  // Verilator models ports over 64 bits as arrays of 32-bit words, narrower ones as one integer
  return render({ top, inWords, outWords, inWide: inWords > 2, outWide: outWords > 2 });
}
