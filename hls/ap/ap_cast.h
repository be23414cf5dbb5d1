// hlsforge ap_types: the exact cast of a dyadic value m·2^-f to a W-bit type with F fractional bits,
// quantization (mode Q) first, then overflow handling (mode O). Every conversion goes through cast_exact.
#ifndef HLSFORGE_AP_CAST_H
#define HLSFORGE_AP_CAST_H

#include <cmath>

#include "ap_common.h"

#define AP_INLINE inline __attribute__((always_inline))

namespace ap_detail {

/** A target type: W bits, F fractional bits, signedness and modes. */
struct cast_target {
  int W, F;
  bool S;
  ap_q_mode Q;
  ap_o_mode O;
};

// The cast works on a machine integer T (int64_t when source and target fit it: the fast path; else __int128).
template <class T> struct unsigned_of;
template <> struct unsigned_of<std::int64_t> { typedef std::uint64_t type; };
template <> struct unsigned_of<i128> { typedef u128 type; };
template <class T> struct bits_of { static const int value = int(sizeof(T) * CHAR_BIT); };

/** Largest mantissa of a W-bit type (W < bits of T for unsigned). */
template <class T>
AP_INLINE constexpr T max_mantissa(int W, bool S) {
  typedef typename unsigned_of<T>::type U;
  return S ? T((U(1) << (W - 1)) - 1) : T((U(1) << W) - 1);
}

/** Keeps the low W bits of v (two's complement), sign-extended for signed types. */
template <class T>
AP_INLINE constexpr T wrap_bits(typename unsigned_of<T>::type v, int W, bool S) {
  typedef typename unsigned_of<T>::type U;
  if (W >= bits_of<T>::value) return T(v);
  const U mask = (U(1) << W) - 1;
  v &= mask;
  if (S && ((v >> (W - 1)) & 1)) v |= ~mask;
  return T(v);
}

/** Bit W of a mantissa (its sign when W reaches past the bits of T). */
template <class T>
AP_INLINE constexpr bool bit_above(typename unsigned_of<T>::type v, bool neg, int W) {
  return W < bits_of<T>::value ? ((v >> W) & 1) != 0 : neg;
}

/**
 * Overflow handling of an exact mantissa M. `fits` says whether M itself is known (it is not when the exact
 * value exceeds T; then `low` still holds M modulo 2^bits and `neg` its sign). `above` is bit W of the value
 * before the rounding increment, which decides AP_WRAP_SM.
 */
template <class T>
AP_INLINE constexpr T overflow(const cast_target& t, bool fits, T M, typename unsigned_of<T>::type low, bool neg, bool above) {
  const T hi = max_mantissa<T>(t.W, t.S);
  // AP_SAT_SYM keeps the range symmetric (the most negative mantissa saturates too), except for a signed 1-bit
  // type whose range {-1, 0} cannot be symmetric: the vendor library saturates to -1 there.
  const T lo = !t.S ? 0 : (t.O == AP_SAT_SYM && t.W > 1) ? -hi : -hi - 1;
  if (fits && M >= lo && M <= hi) return M;
  switch (t.O) {
    case AP_WRAP:
      return wrap_bits<T>(low, t.W, t.S);
    case AP_WRAP_SM: {
      // Sign-magnitude wrap: where the bit above the wrapped ones differs from the new sign bit, the wrapped
      // bits invert (a triangle wave in the input).
      const T w = wrap_bits<T>(low, t.W, t.S);
      return above != (w < 0) ? ~w : w;
    }
    case AP_SAT:
    case AP_SAT_SYM:
      return neg ? lo : hi;
    case AP_SAT_ZERO:
      return 0;
  }
  return 0;
}

/** Shifts m right by s > 0 bits, rounding with mode Q: the quantization step. `floor` receives m >> s. */
template <class T>
AP_INLINE constexpr T quantize_shift(T m, int s, ap_q_mode Q, T& floor) {
  typedef typename unsigned_of<T>::type U;
  const int bits = bits_of<T>::value;
  T q = 0;
  bool exact = false;
  int vs_half = 0;  // sign of (dropped bits − half an LSB)
  if (s < bits) {
    const U mask = (U(1) << s) - 1, half = U(1) << (s - 1);
    const U r = U(m) & mask;
    q = m >> s;
    exact = r == 0;
    vs_half = r < half ? -1 : r == half ? 0 : 1;
  } else if (m >= 0) {
    q = 0;
    exact = m == 0;
    vs_half = -1;
  } else {
    q = -1;
    exact = false;
    vs_half = (s == bits && m == -max_mantissa<T>(bits, true) - 1) ? 0 : 1;
  }
  const bool neg = m < 0;
  bool up = false;
  switch (Q) {
    case AP_TRN: up = false; break;
    case AP_TRN_ZERO: up = neg && !exact; break;
    case AP_RND: up = vs_half >= 0; break;
    case AP_RND_ZERO: up = vs_half > 0 || (vs_half == 0 && neg); break;
    case AP_RND_MIN_INF: up = vs_half > 0; break;
    case AP_RND_INF: up = vs_half > 0 || (vs_half == 0 && !neg); break;
    case AP_RND_CONV: up = vs_half > 0 || (vs_half == 0 && (q & 1) != 0); break;
  }
  floor = q;
  return up ? q + 1 : q;
}

/**
 * The cast of the exact value m·2^-fs to the target type: its mantissa. Needs m and every target value to fit T
 * (target W < bits of T). Inlined, so constant targets fold.
 */
template <class T>
AP_INLINE constexpr T cast_core(T m, int fs, const cast_target& t) {
  typedef typename unsigned_of<T>::type U;
  const int d = t.F - fs;
  if (d < 0) {
    T fl = 0;
    const T q = quantize_shift<T>(m, -d, t.Q, fl);
    return overflow<T>(t, true, q, U(q), q < 0, bit_above<T>(U(fl), fl < 0, t.W));
  }
  if (m == 0) return 0;
  if (d < bits_of<T>::value) {
    const T M = T(U(m) << d);
    if ((M >> d) == m) return overflow<T>(t, true, M, U(M), M < 0, bit_above<T>(U(M), M < 0, t.W));
    const U low = U(m) << d;
    return overflow<T>(t, false, 0, low, m < 0, bit_above<T>(low, m < 0, t.W));
  }
  return overflow<T>(t, false, 0, 0, m < 0, bit_above<T>(0, m < 0, t.W));
}

/**
 * The cast from a W2-bit source with F2 fractional bits (signedness S2) to <W, F, S, Q, O>: on int64_t when the
 * source fits it and the target leaves a spare bit, on __int128 otherwise.
 */
template <int W, int F, bool S, ap_q_mode Q, ap_o_mode O, int W2, int F2, bool S2>
AP_INLINE constexpr i128 cast_exact(i128 m) {
  const cast_target t = {W, F, S, Q, O};
  if (holder_bits(W2, S2) <= 64 && holder_bits(W, S) < 64) return cast_core<std::int64_t>(std::int64_t(m), F2, t);
  return cast_core<i128>(m, F2, t);
}

/** Splits a double into an exact m·2^-f (m < 2^53). Infinities become a huge value of their sign; NaN is 0. */
inline void split_double(double x, i128& m, int& f) {
  m = 0;
  f = 0;
  if (x != x || x == 0) return;
  if (std::isinf(x)) {
    m = x > 0 ? 1 : -1;
    f = -100000;
    return;
  }
  int e = 0;
  const double fr = std::frexp(x, &e);  // x = fr·2^e, 0.5 ≤ |fr| < 1
  m = i128(static_cast<long long>(std::ldexp(fr, 53)));
  f = 53 - e;
}

/** The cast of a double (exact, then quantized and overflow-handled); out of line, conversions from doubles are rare. */
__attribute__((noinline)) inline i128 cast_double(double x, cast_target t) {
  i128 m;
  int f;
  split_double(x, m, f);
  return cast_core<i128>(m, f, t);
}

/** 2^e as a double, exact for |e| ≤ 1000 (by squaring, so that it is a constant expression in C++14). */
constexpr double pow2(int e) {
  double r = 1, b = e >= 0 ? 2 : 0.5;
  for (int n = e >= 0 ? e : -e; n != 0; n >>= 1, b *= b)
    if (n & 1) r *= b;
  return r;
}

/**
 * The cast of a double, as cast_double, but a constant expression when x·2^F is an integer (a value the target
 * resolves, as every generated weight is): constant tables of any size are then initialized at compile time
 * instead of by a start-up function g++ must compile element by element. Any other value goes through cast_double.
 */
constexpr i128 cast_double_constant(double x, cast_target t) {
  if (x == x && x != 0 && t.F >= -1000 && t.F <= 1000) {
    const double s = x * pow2(t.F);
    const double limit = pow2(126);
    if (s != 0 && s > -limit && s < limit && s == double(i128(s))) return cast_core<i128>(i128(s), t.F, t);
  }
  return cast_double(x, t);
}

/** Exact three-way comparison of a·2^-fa and b·2^-fb. */
inline int compare_exact(i128 a, int fa, i128 b, int fb) {
  if (fa < fb) return -compare_exact(b, fb, a, fa);
  const int d = fa - fb;
  i128 bs = 0;
  if (b != 0) {
    // When b·2^d leaves the 128-bit range its magnitude exceeds every a.
    if (d > 127) return b < 0 ? 1 : -1;
    bs = i128(u128(b) << d);
    if ((bs >> d) != b) return b < 0 ? 1 : -1;
  }
  return a < bs ? -1 : a > bs ? 1 : 0;
}

/** Left shift without signed-overflow undefined behaviour (the result is taken modulo the type). */
AP_INLINE std::int64_t shl(std::int64_t x, int s) { return std::int64_t(std::uint64_t(x) << s); }
AP_INLINE i128 shl(i128 x, int s) { return i128(u128(x) << s); }

}  // namespace ap_detail

#endif
