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

/**
 * A safe C++ identifier for `name`: invalid characters become `_`, runs of `_` collapse (no reserved `__`), leading
 * and trailing `_` go, a leading digit gets an `n_` prefix, keywords and reserved names get a `_` suffix. With
 * `taken`, the result is also unique in that scope (`_2`, `_3`, … appended) and is added to it.
 */
export function cppIdentifier(name: string, taken?: Set<string>): string {
  let id = name
    .replace(/[^A-Za-z0-9_]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (id === '') id = 'unnamed';
  if (/^[0-9]/.test(id)) id = `n_${id}`;
  if (CPP_KEYWORDS.has(id) || RESERVED.has(id)) id = `${id}_`;
  if (!taken) return id;
  let unique = id;
  for (let k = 2; taken.has(unique); k++) unique = `${id}_${k}`;
  taken.add(unique);
  return unique;
}

/**
 * Text that is safe inside a `//` or a block comment: printable ASCII only (no newline ends a `//` comment early),
 * no `*\/` or `/*`, no backslash (a trailing one continues a `//` comment onto the next line) and no `??` (the
 * trigraph `??/` is a backslash in strict C++14).
 */
export function cppComment(text: string): string {
  return text
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/\\/g, '/')
    .replace(/\*\//g, '* /')
    .replace(/\/\*/g, '/ *')
    .replace(/\?(?=\?)/g, '? ');
}
