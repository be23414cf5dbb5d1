// hlsforge ap_types: exact arithmetic and comparison between ap values, with the vendor's full-precision
// result types (UG1399):
//   a·b : W = Wa + Wb, I = Ia + Ib, signed if either is
//   a±b : F = max(Fa, Fb), I = max(Ia + [b signed, a not], Ib + [a signed, b not]) + 1; a−b is always signed
// Builtin integers take part as ap_int<bits of the type>.
#ifndef HLSFORGE_AP_FIXED_OPS_H
#define HLSFORGE_AP_FIXED_OPS_H

#include <ostream>

#include "ap_fixed_base.h"

namespace ap_detail {

template <int W1, int I1, bool S1, int W2, int I2, bool S2>
struct arith {
  static const int F = imax(W1 - I1, W2 - I2);
  static const int plus_i = imax(I1 + (S2 && !S1), I2 + (S1 && !S2)) + 1;
  typedef ap_fixed_base<plus_i + F, plus_i, S1 || S2, AP_TRN, AP_WRAP, 0> plus;
  typedef ap_fixed_base<plus_i + F, plus_i, true, AP_TRN, AP_WRAP, 0> minus;
  typedef ap_fixed_base<W1 + W2, I1 + I2, S1 || S2, AP_TRN, AP_WRAP, 0> mult;
  /** Whether both operands, aligned to F, fit a 64-bit comparison. */
  static const bool small = imax(I1, I2) + 1 + F <= 63;
};

/** A builtin integer seen as the ap value it equals. */
template <typename T>
using int_as_ap = ap_fixed_base<int_traits<T>::width, int_traits<T>::width, int_traits<T>::sign, AP_TRN, AP_WRAP, 0>;

template <typename T>
AP_INLINE int_as_ap<T> as_ap(T x) {
  return int_as_ap<T>(raw_tag(), static_cast<typename int_as_ap<T>::raw_type>(x));
}

/** Three-way exact comparison of two ap values. */
template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, int W2, int I2, bool S2, ap_q_mode Q2,
          ap_o_mode O2, int N2>
AP_INLINE int compare(const ap_fixed_base<W1, I1, S1, Q1, O1, N1>& a, const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& b) {
  typedef arith<W1, I1, S1, W2, I2, S2> A;
  if (A::small) {
    const std::int64_t x = shl(std::int64_t(a.V), A::F - (W1 - I1)), y = shl(std::int64_t(b.V), A::F - (W2 - I2));
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return compare_exact(a.V, W1 - I1, b.V, W2 - I2);
}

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
inline int compare_double(const ap_fixed_base<W, I, S, Q, O, N>& a, double d) {
  i128 m;
  int f;
  split_double(d, m, f);
  return compare_exact(a.V, W - I, m, f);
}

}  // namespace ap_detail

#define AP_TPL1 template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1>
#define AP_TPL2                                                                                                 \
  template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, int W2, int I2, bool S2, ap_q_mode Q2, \
            ap_o_mode O2, int N2>
#define AP_A ap_fixed_base<W1, I1, S1, Q1, O1, N1>
#define AP_B ap_fixed_base<W2, I2, S2, Q2, O2, N2>
#define AP_ARITH ap_detail::arith<W1, I1, S1, W2, I2, S2>

// ---- exact arithmetic between ap values ----
AP_TPL2 AP_INLINE typename AP_ARITH::plus operator+(const AP_A& a, const AP_B& b) {
  typedef typename AP_ARITH::plus R;
  typedef typename R::raw_type T;
  return R(ap_detail::raw_tag(),
           ap_detail::shl(T(a.V), AP_ARITH::F - (W1 - I1)) + ap_detail::shl(T(b.V), AP_ARITH::F - (W2 - I2)));
}
AP_TPL2 AP_INLINE typename AP_ARITH::minus operator-(const AP_A& a, const AP_B& b) {
  typedef typename AP_ARITH::minus R;
  typedef typename R::raw_type T;
  return R(ap_detail::raw_tag(),
           ap_detail::shl(T(a.V), AP_ARITH::F - (W1 - I1)) - ap_detail::shl(T(b.V), AP_ARITH::F - (W2 - I2)));
}
AP_TPL2 AP_INLINE typename AP_ARITH::mult operator*(const AP_A& a, const AP_B& b) {
  typedef typename AP_ARITH::mult R;
  typedef typename R::raw_type T;
  return R(ap_detail::raw_tag(), T(a.V) * T(b.V));
}

// ---- exact comparisons between ap values ----
AP_TPL2 AP_INLINE bool operator==(const AP_A& a, const AP_B& b) { return ap_detail::compare(a, b) == 0; }
AP_TPL2 AP_INLINE bool operator!=(const AP_A& a, const AP_B& b) { return ap_detail::compare(a, b) != 0; }
AP_TPL2 AP_INLINE bool operator<(const AP_A& a, const AP_B& b) { return ap_detail::compare(a, b) < 0; }
AP_TPL2 AP_INLINE bool operator<=(const AP_A& a, const AP_B& b) { return ap_detail::compare(a, b) <= 0; }
AP_TPL2 AP_INLINE bool operator>(const AP_A& a, const AP_B& b) { return ap_detail::compare(a, b) > 0; }
AP_TPL2 AP_INLINE bool operator>=(const AP_A& a, const AP_B& b) { return ap_detail::compare(a, b) >= 0; }

// ---- with builtin integers (either side), which act as ap_int<bits of the type> ----
#define AP_WITH_INT(OP)                                                                      \
  template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, typename T,        \
            ap_detail::enable_if_int<T> = 0>                                                 \
  AP_INLINE auto operator OP(const AP_A& a, T b)->decltype(a OP ap_detail::as_ap(b)) {       \
    return a OP ap_detail::as_ap(b);                                                         \
  }                                                                                          \
  template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, typename T,        \
            ap_detail::enable_if_int<T> = 0>                                                 \
  AP_INLINE auto operator OP(T a, const AP_A& b)->decltype(ap_detail::as_ap(a) OP b) {       \
    return ap_detail::as_ap(a) OP b;                                                         \
  }
AP_WITH_INT(+)
AP_WITH_INT(-)
AP_WITH_INT(*)
AP_WITH_INT(==)
AP_WITH_INT(!=)
AP_WITH_INT(<)
AP_WITH_INT(<=)
AP_WITH_INT(>)
AP_WITH_INT(>=)
#undef AP_WITH_INT

// ---- comparisons with floating-point values, exact (no rounding of either side) ----
#define AP_CMP_FLOAT(OP, REV)                                                                        \
  template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, typename T,                \
            ap_detail::enable_if_float<T> = 0>                                                       \
  inline bool operator OP(const AP_A& a, T b) {                                                      \
    return double(b) == double(b) && ap_detail::compare_double(a, double(b)) OP 0;                   \
  }                                                                                                  \
  template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, typename T,                \
            ap_detail::enable_if_float<T> = 0>                                                       \
  inline bool operator OP(T a, const AP_A& b) {                                                      \
    return b REV a;                                                                                  \
  }
AP_CMP_FLOAT(==, ==)
AP_CMP_FLOAT(<, >)
AP_CMP_FLOAT(<=, >=)
AP_CMP_FLOAT(>, <)
AP_CMP_FLOAT(>=, <=)
#undef AP_CMP_FLOAT
template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, typename T, ap_detail::enable_if_float<T> = 0>
inline bool operator!=(const AP_A& a, T b) { return !(a == b); }
template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, typename T, ap_detail::enable_if_float<T> = 0>
inline bool operator!=(T a, const AP_A& b) { return !(b == a); }

AP_TPL1 inline std::ostream& operator<<(std::ostream& os, const AP_A& x) { return os << x.to_string(); }

#undef AP_TPL1
#undef AP_TPL2
#undef AP_A
#undef AP_B
#undef AP_ARITH

#endif
