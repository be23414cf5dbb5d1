import { commentText, safeIdentifier } from '../../util/identifier.ts';

/**
 * The one gate through which names from a model reach C++ (STYLE.md habit 7): identifiers and comment text.
 * Model names are arbitrary strings (`../../x`, `dense 1`, `int`, `a*` followed by `/b`); C++ needs identifiers that are valid,
 * not keywords, not reserved (no "__", no leading "_"), and unique within their scope.
 */
const CPP_KEYWORDS = new Set(
  ('alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t char32_t class compl ' +
    'concept const consteval constexpr constinit const_cast continue co_await co_return co_yield decltype default ' +
    'delete do double dynamic_cast else enum explicit export extern false float for friend goto if inline int long ' +
    'mutable namespace new noexcept not not_eq nullptr operator or or_eq private protected public register ' +
    'reinterpret_cast requires return short signed sizeof static static_assert static_cast struct switch template this ' +
    'thread_local throw true try typedef typeid typename union unsigned using virtual void volatile wchar_t while xor ' +
    'xor_eq').split(' '),
);

/** Names our generated code or the C/C++ library already use at file scope. */
const RESERVED = new Set(['main', 'nnet', 'std', 'x', 'y', 'NULL', 'EOF', 'assert', 'errno', 'input_t', 'result_t', 'N_IN', 'N_OUT']);

/** A safe, unique-in-`taken` C++ identifier for `name` (keywords and reserved names get a `_` suffix). */
export const cppIdentifier = (name: string, taken?: Set<string>): string =>
  safeIdentifier(name, (id) => CPP_KEYWORDS.has(id) || RESERVED.has(id), '_', taken);

/**
 * Text that is safe inside a `//` or a block comment: no newline, `*\/` or `/*`, no backslash (a trailing one continues
 * a `//` comment onto the next line) and no `??` (the trigraph `??/` is a backslash in strict C++14).
 */
export const cppComment = (text: string): string => commentText(text.replace(/\\/g, '/')).replace(/\?(?=\?)/g, '? ');
