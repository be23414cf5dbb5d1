// hlsforge ap_types: proxies for bit and bit-range access (x[i], x.range(hi, lo)) on the raw two's-complement bits.
#ifndef HLSFORGE_AP_REF_H
#define HLSFORGE_AP_REF_H

#include "ap_common.h"

namespace ap_detail {

/** Bits hi..lo of v as an unsigned number; hi < lo reads them in reverse order, as the vendor library does. */
inline u128 read_bits(u128 v, int hi, int lo) {
  if (hi < lo) {
    u128 r = 0;
    for (int i = lo; i >= hi; --i) r = (r << 1) | ((v >> i) & 1);
    return r;
  }
  const int n = hi - lo + 1;
  const u128 x = v >> lo;
  return n >= 128 ? x : x & ((u128(1) << n) - 1);
}

/** v with bits hi..lo replaced by the low bits of x (reversed when hi < lo). */
inline u128 write_bits(u128 v, int hi, int lo, u128 x) {
  if (hi < lo) {
    for (int i = lo; i >= hi; --i) {
      v = (v & ~(u128(1) << i)) | (((x >> (lo - i)) & 1) << i);
    }
    return v;
  }
  const int n = hi - lo + 1;
  const u128 mask = (n >= 128 ? ~u128(0) : (u128(1) << n) - 1) << lo;
  return (v & ~mask) | ((x << lo) & mask);
}

/** Read-only bit range of a value. */
class const_range_ref {
 public:
  const_range_ref(i128 v, int hi, int lo) : bits_(read_bits(u128(v), hi, lo)), hi_(hi), lo_(lo) {}
  operator unsigned long long() const { return static_cast<unsigned long long>(bits_); }
  unsigned long long to_uint64() const { return static_cast<unsigned long long>(bits_); }
  long long to_int64() const { return static_cast<long long>(bits_); }
  unsigned to_uint() const { return static_cast<unsigned>(bits_); }
  int to_int() const { return static_cast<int>(bits_); }
  int length() const { return (hi_ > lo_ ? hi_ - lo_ : lo_ - hi_) + 1; }
  u128 bits() const { return bits_; }

 private:
  u128 bits_;
  int hi_, lo_;
};

/** Writable bit range of an ap value B (B::set_raw keeps the mantissa canonical). */
template <class B>
class range_ref {
 public:
  range_ref(B& b, int hi, int lo) : b_(b), hi_(hi), lo_(lo) {}
  operator unsigned long long() const { return get().to_uint64(); }
  const_range_ref get() const { return const_range_ref(b_.V, hi_, lo_); }
  unsigned long long to_uint64() const { return get().to_uint64(); }
  long long to_int64() const { return get().to_int64(); }
  unsigned to_uint() const { return get().to_uint(); }
  int to_int() const { return get().to_int(); }
  int length() const { return get().length(); }
  range_ref& operator=(unsigned long long x) { return assign(u128(x)); }
  range_ref& operator=(const range_ref& r) { return assign(r.get().bits()); }
  range_ref& operator=(const const_range_ref& r) { return assign(r.bits()); }
  /** Assigns the raw bits of another ap value. */
  template <class X, typename = decltype(X::width)>
  range_ref& operator=(const X& x) { return assign(u128(i128(x.V))); }

 private:
  range_ref& assign(u128 x) {
    b_.set_raw(i128(write_bits(u128(i128(b_.V)), hi_, lo_, x)));
    return *this;
  }
  B& b_;
  int hi_, lo_;
};

/** Writable single bit of an ap value B. */
template <class B>
class bit_ref {
 public:
  bit_ref(B& b, int i) : b_(b), i_(i) {}
  operator bool() const { return ((u128(i128(b_.V)) >> i_) & 1) != 0; }
  bool to_bool() const { return bool(*this); }
  bool operator~() const { return !bool(*this); }
  bit_ref& operator=(bool x) {
    b_.set_raw(i128(write_bits(u128(i128(b_.V)), i_, i_, x ? 1 : 0)));
    return *this;
  }
  bit_ref& operator=(const bit_ref& r) { return *this = bool(r); }

 private:
  B& b_;
  int i_;
};

}  // namespace ap_detail

#endif
