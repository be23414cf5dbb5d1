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

/** Largest mantissa of a W-bit type. */
AP_INLINE i128 max_mantissa(int W, bool S) { return S ? i128((u128(1) << (W - 1)) - 1) : i128((u128(1) << W) - 1); }

/** Keeps the low W bits of v (two's complement), sign-extended for signed types. */
AP_INLINE i128 wrap_bits(u128 v, int W, bool S) {
  if (W >= 128) return i128(v);
  const u128 mask = (u128(1) << W) - 1;
  v &= mask;
  if (S && ((v >> (W - 1)) & 1)) v |= ~mask;
  return i128(v);
}

/** Bit W of a mantissa (its sign when W reaches past the 128 bits). */
AP_INLINE bool bit_above(u128 v, bool neg, int W) { return W < 128 ? ((v >> W) & 1) != 0 : neg; }

/**
 * Overflow handling of an exact mantissa M. `fits` says whether M itself is known (it is not when the exact
 * value exceeds 128 bits; then `low` still holds M mod 2^128 and `neg` its sign). `above` is bit W of the value
 * before the rounding increment, which decides AP_WRAP_SM.
 */
AP_INLINE i128 overflow(const cast_target& t, bool fits, i128 M, u128 low, bool neg, bool above) {
  const i128 hi = max_mantissa(t.W, t.S);
  // AP_SAT_SYM keeps the range symmetric (the most negative mantissa saturates too), except for a signed 1-bit
  // type whose range {-1, 0} cannot be symmetric: the vendor library saturates to -1 there.
  const i128 lo = !t.S ? 0 : (t.O == AP_SAT_SYM && t.W > 1) ? -hi : -hi - 1;
  if (fits && M >= lo && M <= hi) return M;
  switch (t.O) {
    case AP_WRAP:
      return wrap_bits(low, t.W, t.S);
    case AP_WRAP_SM: {
      // Sign-magnitude wrap: where the bit above the wrapped ones differs from the new sign bit, the wrapped
      // bits invert (a triangle wave in the input).
      const i128 w = wrap_bits(low, t.W, t.S);
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
AP_INLINE i128 quantize_shift(i128 m, int s, ap_q_mode Q, i128& floor) {
  i128 q;
  bool exact;
  int vs_half;  // sign of (dropped bits − half an LSB)
  if (s <= 127) {
    const u128 mask = (u128(1) << s) - 1, half = u128(1) << (s - 1);
    const u128 r = u128(m) & mask;
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
    vs_half = (s == 128 && m == -max_mantissa(128, true) - 1) ? 0 : 1;
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

/** The cast of the exact value m·2^-fs to the target type: its mantissa. Inlined, so constant targets fold. */
AP_INLINE i128 cast_core(i128 m, int fs, const cast_target& t) {
  const int d = t.F - fs;
  if (d < 0) {
    i128 fl;
    const i128 q = quantize_shift(m, -d, t.Q, fl);
    return overflow(t, true, q, u128(q), q < 0, bit_above(u128(fl), fl < 0, t.W));
  }
  if (m == 0) return 0;
  if (d <= 127) {
    const i128 M = i128(u128(m) << d);
    if ((M >> d) == m) return overflow(t, true, M, u128(M), M < 0, bit_above(u128(M), M < 0, t.W));
    const u128 low = u128(m) << d;
    return overflow(t, false, 0, low, m < 0, bit_above(low, m < 0, t.W));
  }
  return overflow(t, false, 0, 0, m < 0, bit_above(0, m < 0, t.W));
}

template <int W, int F, bool S, ap_q_mode Q, ap_o_mode O>
AP_INLINE i128 cast_exact(i128 m, int fs) {
  return cast_core(m, fs, cast_target{W, F, S, Q, O});
}

template <int W, bool S>
AP_INLINE i128 wrap_bits(u128 v) {
  return wrap_bits(v, W, S);
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
  return cast_core(m, f, t);
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
