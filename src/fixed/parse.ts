import { fixedType, OVERFLOW_MODES, QUANT_MODES, type FixedType, type OverflowMode, type QuantMode } from './fixed-type.ts';

/**
 * Text ⇄ FixedType. Accepts the C++ spellings `ap_fixed<W,I[,Q[,O[,N]]]>`, `ap_ufixed<…>`, `ap_int<W>`, `ap_uint<W>`
 * and the hls4ml shorthands `fixed<…>`, `ufixed<…>`, `int<W>`, `uint<W>`; modes may drop the `AP_` prefix (`RND`).
 */
export const MAX_WIDTH = 1024;

const EXPECTED = 'expected ap_fixed<W,I[,Q[,O]]>, ap_ufixed<W,I[,Q[,O]]>, ap_int<W> or ap_uint<W>';
const SHAPE = /^\s*(ap_)?(u?fixed|u?int)\s*<([^<>]*)>\s*$/;
const INTEGER = /^[+-]?\d+$/;

class ParseProblem extends Error {}

export function parseFixedType(text: string): FixedType {
  try {
    return parseOrThrow(text);
  } catch (e) {
    if (!(e instanceof ParseProblem)) throw e;
    const reason = e.message ? `; ${e.message}` : '';
    throw new Error(`${text.trim()} is not a valid fixed-point type: ${EXPECTED}${reason}`);
  }
}

function parseOrThrow(text: string): FixedType {
  const match = SHAPE.exec(text);
  if (!match) throw new ParseProblem('');
  const family = (match[1] ?? '') + match[2];
  const args = match[3].split(',').map((a) => a.trim());
  const signed = !match[2].startsWith('u');
  const isInt = match[2].endsWith('int');
  if (isInt) {
    if (args.length !== 1) throw new ParseProblem(`${family} takes exactly one argument (the width), not ${args.length}`);
    const width = parseWidth(args[0]);
    return fixedType(width, width, { signed });
  }
  if (args.length < 2 || args.length > 5) throw new ParseProblem(`${family} takes 2 to 5 arguments, not ${args.length}`);
  const width = parseWidth(args[0]);
  const integer = parseInteger(args[1], 'integer bits I');
  const quant = args.length > 2 ? parseMode(args[2], QUANT_MODES, 'quantization mode') : undefined;
  const overflow = args.length > 3 ? parseMode(args[3], OVERFLOW_MODES, 'overflow mode') : undefined;
  if (args.length > 4 && parseInteger(args[4], 'saturation bits N') !== 0) {
    throw new ParseProblem(`saturation bits N must be 0, not ${args[4]}`);
  }
  if (!signed && overflow === 'AP_WRAP_SM') throw new ParseProblem('AP_WRAP_SM needs a signed type (ap_fixed), not ap_ufixed');
  return fixedType(width, integer, { signed, quant, overflow });
}

function parseInteger(arg: string, what: string): number {
  if (!INTEGER.test(arg)) throw new ParseProblem(`${what} must be an integer, not '${arg}'`);
  return Number(arg);
}

function parseWidth(arg: string): number {
  const width = parseInteger(arg, 'width W');
  if (width < 1 || width > MAX_WIDTH) throw new ParseProblem(`width W must be 1 to ${MAX_WIDTH}, not ${width}`);
  return width;
}

function parseMode<M extends string>(arg: string, modes: readonly M[], what: string): M {
  const upper = arg.toUpperCase();
  const name = (upper.startsWith('AP_') ? upper : `AP_${upper}`) as M;
  if (!modes.includes(name)) throw new ParseProblem(`unknown ${what} '${arg}'; supported: ${modes.join(', ')}`);
  return name;
}

/** Canonical C++ spelling, trailing default modes omitted: `ap_fixed<16,6>`, `ap_ufixed<8,3,AP_TRN,AP_SAT>`. */
export function formatFixedType(t: FixedType): string {
  const args: (string | number)[] = [t.width, t.integer];
  const quant: QuantMode = t.quant;
  const overflow: OverflowMode = t.overflow;
  if (overflow !== 'AP_WRAP') args.push(quant, overflow);
  else if (quant !== 'AP_TRN') args.push(quant);
  return `${t.signed ? 'ap_fixed' : 'ap_ufixed'}<${args.join(',')}>`;
}
