// hlsforge ap_types: shared definitions (modes, storage selection, builtin-integer traits).
// Written from scratch for hlsforge; semantics follow Xilinx UG1399 and the recorded truth table
// in ../shared/reference/ap_fixed/.
#ifndef HLSFORGE_AP_COMMON_H
#define HLSFORGE_AP_COMMON_H

#include <climits>
#include <cstdint>
#include <type_traits>

enum ap_q_mode { AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV, AP_TRN, AP_TRN_ZERO };
enum ap_o_mode { AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP, AP_WRAP_SM };

namespace ap_detail {

#if defined(__GNUC__)
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;
#else
#error "hlsforge ap_types need a compiler with __int128 (g++ or clang)"
#endif

/** Largest supported width: every value is held, sign- or zero-extended, in a signed 128-bit integer. */
constexpr int kMaxWidth = 128;

constexpr int imax(int a, int b) { return a > b ? a : b; }
constexpr int imin(int a, int b) { return a < b ? a : b; }

/** Bits needed to hold every value of a W-bit type in a signed machine integer. */
constexpr int holder_bits(int w, bool s) { return w + (s ? 0 : 1); }

/** int64_t when the values fit (fast path), __int128 otherwise. */
template <int W, bool S>
struct storage {
  static_assert(W >= 1, "ap types need a width of at least 1 bit");
  static_assert(holder_bits(W, S) <= kMaxWidth,
                "hlsforge ap types support signed widths up to 128 bits and unsigned widths up to 127 bits");
  typedef typename std::conditional<(holder_bits(W, S) <= 64), std::int64_t, i128>::type type;
};

/** Properties of a builtin integer type seen as an ap_int: width and signedness. */
template <typename T, typename Enable = void>
struct int_traits {
  static const bool is_int = false;
};
template <typename T>
struct int_traits<T, typename std::enable_if<std::is_integral<T>::value>::type> {
  static const bool is_int = true;
  static const bool sign = std::is_signed<T>::value;
  static const int width = std::is_same<T, bool>::value ? 1 : int(sizeof(T) * CHAR_BIT);
};

template <typename T>
using enable_if_int = typename std::enable_if<std::is_integral<T>::value, int>::type;
template <typename T>
using enable_if_float = typename std::enable_if<std::is_floating_point<T>::value, int>::type;

}  // namespace ap_detail

#endif
