import { fail } from '../diagnostics/diagnostic.ts';
import { cppIdentifier } from '../backends/hls/names.ts';
import { verilogIdentifier } from '../backends/rtl/names.ts';

/**
 * Names the C and C++ standard libraries declare at file scope or as macros, which a generated top function or file
 * named after the project would collide with (the C++ and Verilog keywords are the sanitizers' own lists).
 */
export const LIBRARY_NAMES = new Set(
  ('size_t ssize_t ptrdiff_t intptr_t uintptr_t intmax_t uintmax_t nullptr_t max_align_t wchar_t char8_t ' +
    'int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t ' +
    'int_least8_t int_least16_t int_least32_t int_least64_t uint_least8_t uint_least16_t uint_least32_t uint_least64_t ' +
    'int_fast8_t int_fast16_t int_fast32_t int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t uint_fast64_t ' +
    'NULL EOF FILE BUFSIZ errno assert offsetof va_list va_start va_end va_arg setjmp longjmp jmp_buf ' +
    'INT_MAX INT_MIN UINT_MAX LONG_MAX LONG_MIN CHAR_BIT SIZE_MAX RAND_MAX EXIT_SUCCESS EXIT_FAILURE ' +
    'stdin stdout stderr main exit abort atexit malloc calloc realloc free memcpy memset memmove strlen printf fprintf ' +
    'sprintf snprintf puts putchar getchar scanf fopen fclose abs labs div rand srand sqrt exp log pow sin cos tan floor ' +
    'ceil round time clock signal raise std nnet hls myproject_axi bool true false and or not xor').split(' '),
);

/** Prefixes the ap_types and HLS headers and our own code reserve. */
const RESERVED_PREFIXES = /^(ap_|AP_|hls_|HLS_|nnet|_)/;

/**
 * ProjectName becomes a C++ function and files, a Verilog module and file names: it must be a plain identifier that
 * both sanitizers leave unchanged (not a C++, Verilog or SystemVerilog keyword, not a name our code uses) and not a
 * standard library name, macro or reserved prefix (`size_t`, `int8_t`, `NULL`, `ap_*`, `nnet`).
 */
export function checkProjectName(name: string, file?: string): void {
  const plain = /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name) && !name.includes('__');
  const reserved = !plain || LIBRARY_NAMES.has(name) || RESERVED_PREFIXES.test(name) || cppIdentifier(name) !== name || verilogIdentifier(name) !== name;
  if (reserved)
    throw fail(
      'unsafe-name',
      { file, key: 'ProjectName' },
      `must be a C++ identifier (a letter, then letters, digits or _, at most 64; not a C++ or Verilog keyword, standard library name or macro, nor ap_*/hls_*/nnet*), not ${JSON.stringify(name)}`,
    );
}
