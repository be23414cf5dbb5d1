// hlsforge ap_types: ap_int_base<W, S>, an integer ap value (I = W). On top of ap_fixed_base it converts
// implicitly to a builtin integer (for indexing and loop counters) and has integer-only operators, with the
// vendor's result widths: a+b, a−b: max(Wa + [b signed, a not], Wb + [a signed, b not]) + 1; a·b: Wa + Wb;
// a/b: Wa + [b signed]; a%b: min(Wa, Wb + [a signed, b not]) with a's sign; & | ^: max(...) without the + 1.
#ifndef HLSFORGE_AP_INT_BASE_H
#define HLSFORGE_AP_INT_BASE_H

#include "ap_fixed_ops.h"

template <int W, bool S>
class ap_int_base : public ap_fixed_base<W, W, S, AP_TRN, AP_WRAP, 0> {
  typedef ap_fixed_base<W, W, S, AP_TRN, AP_WRAP, 0> Base;

 public:
  typedef typename std::conditional<S, long long, unsigned long long>::type builtin_type;
  typedef typename Base::raw_type raw_type;

  ap_int_base() {}
  ap_int_base(ap_detail::raw_tag t, raw_type raw) : Base(t, raw) {}
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
  AP_INLINE constexpr ap_int_base(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& x) : Base(x) {}
  template <typename T, ap_detail::enable_if_int<T> = 0>
  AP_INLINE constexpr ap_int_base(T x) : Base(x) {}
  template <typename T, ap_detail::enable_if_float<T> = 0>
  constexpr ap_int_base(T x) : Base(x) {}
  ap_int_base(const ap_detail::const_range_ref& r) : Base(r) {}
  template <class B>
  ap_int_base(const ap_detail::range_ref<B>& r) : Base(r) {}

  operator builtin_type() const { return static_cast<builtin_type>(this->V); }

  ap_int_base operator<<(int sh) const { return Base::operator<<(sh); }
  ap_int_base operator>>(int sh) const { return Base::operator>>(sh); }
  template <int W2, bool S2>
  ap_int_base operator<<(const ap_int_base<W2, S2>& sh) const { return *this << sh.to_int(); }
  template <int W2, bool S2>
  ap_int_base operator>>(const ap_int_base<W2, S2>& sh) const { return *this >> sh.to_int(); }
  ap_int_base operator~() const { return Base::from_raw(~ap_detail::i128(this->V)); }
  ap_int_base<W + 1, true> operator-() const { return Base::operator-(); }
  ap_int_base operator+() const { return *this; }

  template <typename T> ap_int_base& operator/=(const T& x) { return *this = ap_int_base(*this / x); }
  template <typename T> ap_int_base& operator%=(const T& x) { return *this = ap_int_base(*this % x); }
  template <typename T> ap_int_base& operator&=(const T& x) { return *this = ap_int_base(*this & x); }
  template <typename T> ap_int_base& operator|=(const T& x) { return *this = ap_int_base(*this | x); }
  template <typename T> ap_int_base& operator^=(const T& x) { return *this = ap_int_base(*this ^ x); }
};

namespace ap_detail {
template <int W1, bool S1, int W2, bool S2>
struct int_arith {
  static const int logic_w = imax(W1 + (S2 && !S1), W2 + (S1 && !S2));
  typedef ap_int_base<logic_w + 1, S1 || S2> plus;
  typedef ap_int_base<logic_w + 1, true> minus;
  typedef ap_int_base<W1 + W2, S1 || S2> mult;
  typedef ap_int_base<W1 + S2, S1 || S2> div;
  typedef ap_int_base<imin(W1, W2 + (S1 && !S2)), S1> mod;
  typedef ap_int_base<logic_w, S1 || S2> logic;
};
template <typename T>
using int_as_ap_int = ap_int_base<int_traits<T>::width, int_traits<T>::sign>;
}  // namespace ap_detail

#define AP_INT_TPL2 template <int W1, bool S1, int W2, bool S2>
#define AP_IA ap_int_base<W1, S1>
#define AP_IB ap_int_base<W2, S2>
#define AP_IR(KIND) typename ap_detail::int_arith<W1, S1, W2, S2>::KIND

// Sums, differences and products are the exact fixed-point results, retyped as integers.
#define AP_INT_EXACT_OP(OP, KIND)                                                                            \
  AP_INT_TPL2 AP_INLINE AP_IR(KIND) operator OP(const AP_IA& a, const AP_IB& b) {                            \
    typedef ap_fixed_base<W1, W1, S1, AP_TRN, AP_WRAP, 0> A;                                               \
    typedef ap_fixed_base<W2, W2, S2, AP_TRN, AP_WRAP, 0> B;                                               \
    return AP_IR(KIND)(ap_detail::raw_tag(), (static_cast<const A&>(a) OP static_cast<const B&>(b)).V);      \
  }
AP_INT_EXACT_OP(+, plus)
AP_INT_EXACT_OP(-, minus)
AP_INT_EXACT_OP(*, mult)
#undef AP_INT_EXACT_OP

// Division truncates toward zero and the remainder takes the dividend's sign, as in C; both fit their types.
AP_INT_TPL2 inline AP_IR(div) operator/(const AP_IA& a, const AP_IB& b) {
  typedef AP_IR(div) R;
  return R(ap_detail::raw_tag(), static_cast<typename R::raw_type>(ap_detail::i128(a.V) / ap_detail::i128(b.V)));
}
AP_INT_TPL2 inline AP_IR(mod) operator%(const AP_IA& a, const AP_IB& b) {
  typedef AP_IR(mod) R;
  return R(ap_detail::raw_tag(), static_cast<typename R::raw_type>(ap_detail::i128(a.V) % ap_detail::i128(b.V)));
}
// Bitwise operators work on both operands sign- or zero-extended to the result width.
#define AP_INT_LOGIC_OP(OP)                                                                                  \
  AP_INT_TPL2 AP_INLINE AP_IR(logic) operator OP(const AP_IA& a, const AP_IB& b) {                           \
    typedef AP_IR(logic) R;                                                                                  \
    return R(R::from_raw(ap_detail::i128(a.V) OP ap_detail::i128(b.V)));                                      \
  }
AP_INT_LOGIC_OP(&)
AP_INT_LOGIC_OP(|)
AP_INT_LOGIC_OP(^)
#undef AP_INT_LOGIC_OP

// With builtin integers on either side (they act as ap_int of their own width).
#define AP_INT_WITH_INT(OP)                                                                            \
  template <int W1, bool S1, typename T, ap_detail::enable_if_int<T> = 0>                              \
  AP_INLINE auto operator OP(const AP_IA& a, T b)->decltype(a OP ap_detail::int_as_ap_int<T>(b)) {      \
    return a OP ap_detail::int_as_ap_int<T>(b);                                                        \
  }                                                                                                    \
  template <int W1, bool S1, typename T, ap_detail::enable_if_int<T> = 0>                              \
  AP_INLINE auto operator OP(T a, const AP_IA& b)->decltype(ap_detail::int_as_ap_int<T>(a) OP b) {      \
    return ap_detail::int_as_ap_int<T>(a) OP b;                                                        \
  }
AP_INT_WITH_INT(+)
AP_INT_WITH_INT(-)
AP_INT_WITH_INT(*)
AP_INT_WITH_INT(/)
AP_INT_WITH_INT(%)
AP_INT_WITH_INT(&)
AP_INT_WITH_INT(|)
AP_INT_WITH_INT(^)
#undef AP_INT_WITH_INT

#undef AP_INT_TPL2
#undef AP_IA
#undef AP_IB
#undef AP_IR

#endif
