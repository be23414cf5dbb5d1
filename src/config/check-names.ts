import { fail } from '../diagnostics/diagnostic.ts';

const CPP_RESERVED = new Set(
  'alignas alignof and and_eq asm auto bitand bitor bool break case catch char char16_t char32_t class compl const constexpr const_cast continue decltype default delete do double dynamic_cast else enum explicit export extern false float for friend goto if inline int long mutable namespace new noexcept not not_eq nullptr operator or or_eq private protected public register reinterpret_cast return short signed sizeof static static_assert static_cast struct switch template this thread_local throw true try typedef typeid typename union unsigned using virtual void volatile wchar_t while xor xor_eq main module input output wire reg'.split(' '),
);

/** ProjectName becomes a C++ function, a file name and a Verilog module: it must be a plain identifier. */
export function checkProjectName(name: string, file?: string): void {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name) || CPP_RESERVED.has(name))
    throw fail('unsafe-name', { file, key: 'ProjectName' }, `must be a C++ identifier (a letter, then letters, digits or _; not a keyword), not ${JSON.stringify(name)}`);
}
