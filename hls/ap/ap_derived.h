// hlsforge ap_types: the constructors every public ap class repeats (constructors are not inherited on
// purpose: an inherited one would be skipped when converting from the class's own base type).
#ifndef HLSFORGE_AP_DERIVED_H
#define HLSFORGE_AP_DERIVED_H

#define AP_DERIVED_CTORS(C)                                                            \
  C() {}                                                                               \
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>               \
  AP_INLINE constexpr C(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& x) : Base(x) {}   \
  template <typename T, ap_detail::enable_if_int<T> = 0>                               \
  AP_INLINE constexpr C(T x) : Base(x) {}                                              \
  template <typename T, ap_detail::enable_if_float<T> = 0>                             \
  constexpr C(T x) : Base(x) {}                                                        \
  C(const ap_detail::const_range_ref& r) : Base(r) {}                                  \
  template <class B>                                                                   \
  C(const ap_detail::range_ref<B>& r) : Base(r) {}                                     \
  /** The value whose mantissa is the low W bits of raw (hlsforge helper). */          \
  static C from_raw(ap_detail::i128 raw) {                                             \
    C x;                                                                               \
    x.set_raw(raw);                                                                    \
    return x;                                                                          \
  }

#endif
