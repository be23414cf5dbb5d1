// hlsforge ap_types: ap_fixed_base, the one value class behind ap_fixed, ap_ufixed, ap_int and ap_uint.
// A value is its mantissa V = v·2^F (F = W − I), held sign- or zero-extended in int64_t (W ≤ 64) or __int128.
#ifndef HLSFORGE_AP_FIXED_BASE_H
#define HLSFORGE_AP_FIXED_BASE_H

#include <string>

#include "ap_cast.h"
#include "ap_ref.h"
#include "ap_print.h"

namespace ap_detail {
/** Tag selecting the constructor that takes a mantissa already in range (internal use). */
struct raw_tag {};
}  // namespace ap_detail

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
class ap_fixed_base {
  static_assert(N == 0, "hlsforge ap types do not support saturation bits N != 0");
  static_assert(S || O != AP_WRAP_SM, "AP_WRAP_SM needs a signed type");

 public:
  typedef typename ap_detail::storage<W, S>::type raw_type;
  static const int width = W;
  static const int iwidth = I;
  static const int fwidth = W - I;
  static const bool sign_flag = S;
  static const ap_q_mode qmode = Q;
  static const ap_o_mode omode = O;

  /** The mantissa v·2^F, always within the W-bit range (assign through set_raw to keep that true). */
  raw_type V;

  ap_fixed_base() : V(0) {}
  constexpr ap_fixed_base(const ap_fixed_base&) = default;
  ap_fixed_base& operator=(const ap_fixed_base&) = default;
  ap_fixed_base(ap_detail::raw_tag, raw_type raw) : V(raw) {}

  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
  AP_INLINE constexpr ap_fixed_base(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& x)
      : V(static_cast<raw_type>(ap_detail::cast_exact<W, W - I, S, Q, O, W2, W2 - I2, S2>(x.V))) {}

  template <typename T, ap_detail::enable_if_int<T> = 0>
  AP_INLINE constexpr ap_fixed_base(T x) : V(static_cast<raw_type>(ap_detail::cast_exact<W, W - I, S, Q, O, ap_detail::int_traits<T>::width, 0, ap_detail::int_traits<T>::sign>(x))) {}

  template <typename T, ap_detail::enable_if_float<T> = 0>
  constexpr ap_fixed_base(T x)
      : V(static_cast<raw_type>(ap_detail::cast_double_constant(static_cast<double>(x), ap_detail::cast_target{W, W - I, S, Q, O}))) {}
  ap_fixed_base(const ap_detail::const_range_ref& r)
      : V(static_cast<raw_type>(ap_detail::cast_exact<W, W - I, S, Q, O, 128, 0, true>(ap_detail::i128(r.bits())))) {}
  template <class B>
  ap_fixed_base(const ap_detail::range_ref<B>& r) : ap_fixed_base(r.get()) {}

  // ---- raw access (hlsforge helpers, not in the vendor API) ----
  /** The value whose mantissa is the low W bits of `raw` (wrapped like a W-bit register). */
  static ap_fixed_base from_raw(ap_detail::i128 raw) {
    return ap_fixed_base(ap_detail::raw_tag(), static_cast<raw_type>(ap_detail::wrap_bits<ap_detail::i128>(ap_detail::u128(raw), W, S)));
  }
  void set_raw(ap_detail::i128 raw) { V = static_cast<raw_type>(ap_detail::wrap_bits<ap_detail::i128>(ap_detail::u128(raw), W, S)); }
  raw_type raw() const { return V; }

  // ---- conversions ----
  double to_double() const { return std::ldexp(static_cast<double>(V), -(W - I)); }
  float to_float() const { return static_cast<float>(to_double()); }
  /** The integer part, truncated toward zero as C does. */
  ap_detail::i128 to_integer() const {
    if (W - I <= 0) return ap_detail::shl(ap_detail::i128(V), (I - W) > 127 ? 127 : (I - W));
    const int f = W - I > 127 ? 127 : W - I;
    const ap_detail::i128 v = V;
    const ap_detail::i128 fl = v >> f;
    return (v < 0 && ap_detail::shl(fl, f) != v) ? fl + 1 : fl;
  }
  int to_int() const { return static_cast<int>(to_integer()); }
  unsigned to_uint() const { return static_cast<unsigned>(to_integer()); }
  long to_long() const { return static_cast<long>(to_integer()); }
  unsigned long to_ulong() const { return static_cast<unsigned long>(to_integer()); }
  long long to_int64() const { return static_cast<long long>(to_integer()); }
  unsigned long long to_uint64() const { return static_cast<unsigned long long>(to_integer()); }
  explicit operator double() const { return to_double(); }
  explicit operator float() const { return to_float(); }
  explicit operator bool() const { return V != 0; }
  bool operator!() const { return V == 0; }
  int length() const { return W; }
  std::string to_string() const { return ap_detail::exact_decimal(V, W - I); }

  // ---- unary ----
  ap_fixed_base<W + 1, I + 1, true, AP_TRN, AP_WRAP, 0> operator-() const {
    typedef ap_fixed_base<W + 1, I + 1, true, AP_TRN, AP_WRAP, 0> R;
    return R(ap_detail::raw_tag(), -static_cast<typename R::raw_type>(V));
  }
  ap_fixed_base operator+() const { return *this; }

  // ---- shifts: raw bit shifts that keep the type (bits shifted out are lost) ----
  ap_fixed_base operator<<(int sh) const {
    if (sh < 0) return *this >> -sh;
    return from_raw(sh >= 128 ? 0 : ap_detail::shl(ap_detail::i128(V), sh));
  }
  ap_fixed_base operator>>(int sh) const {
    if (sh < 0) return *this << -sh;
    return ap_fixed_base(ap_detail::raw_tag(), static_cast<raw_type>(ap_detail::i128(V) >> (sh > 127 ? 127 : sh)));
  }
  template <int W2, bool S2>
  ap_fixed_base operator<<(const ap_fixed_base<W2, W2, S2, AP_TRN, AP_WRAP, 0>& sh) const { return *this << sh.to_int(); }
  template <int W2, bool S2>
  ap_fixed_base operator>>(const ap_fixed_base<W2, W2, S2, AP_TRN, AP_WRAP, 0>& sh) const { return *this >> sh.to_int(); }
  ap_fixed_base& operator<<=(int sh) { return *this = *this << sh; }
  ap_fixed_base& operator>>=(int sh) { return *this = *this >> sh; }

  // ---- compound assignment: exact result, then cast back with this type's modes ----
  template <typename T> ap_fixed_base& operator+=(const T& x) { return *this = ap_fixed_base(*this + x); }
  template <typename T> ap_fixed_base& operator-=(const T& x) { return *this = ap_fixed_base(*this - x); }
  template <typename T> ap_fixed_base& operator*=(const T& x) { return *this = ap_fixed_base(*this * x); }

  ap_fixed_base& operator++() { return *this += 1; }
  ap_fixed_base& operator--() { return *this -= 1; }
  ap_fixed_base operator++(int) { ap_fixed_base t = *this; *this += 1; return t; }
  ap_fixed_base operator--(int) { ap_fixed_base t = *this; *this -= 1; return t; }

  // ---- bit access ----
  ap_detail::range_ref<ap_fixed_base> range(int hi, int lo) { return ap_detail::range_ref<ap_fixed_base>(*this, hi, lo); }
  ap_detail::range_ref<ap_fixed_base> range() { return range(W - 1, 0); }
  ap_detail::const_range_ref range(int hi, int lo) const { return ap_detail::const_range_ref(V, hi, lo); }
  ap_detail::const_range_ref range() const { return range(W - 1, 0); }
  ap_detail::range_ref<ap_fixed_base> operator()(int hi, int lo) { return range(hi, lo); }
  ap_detail::const_range_ref operator()(int hi, int lo) const { return range(hi, lo); }
  ap_detail::bit_ref<ap_fixed_base> operator[](int i) { return ap_detail::bit_ref<ap_fixed_base>(*this, i); }
  bool operator[](int i) const { return ((ap_detail::u128(V) >> i) & 1) != 0; }
  bool get_bit(int i) const { return (*this)[i]; }
  void set_bit(int i, bool b) { (*this)[i] = b; }
  bool is_neg() const { return V < 0; }
};

#endif
