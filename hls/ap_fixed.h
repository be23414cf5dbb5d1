// hlsforge: ap_fixed<W, I, Q, O> and ap_ufixed<W, I, Q, O>, fixed-point values with Xilinx semantics:
// every conversion quantizes (mode Q) then handles overflow (mode O); arithmetic is exact with full-precision
// result types. Widths up to 128 bits (unsigned 127). Our own implementation; see hls/ap/.
#ifndef HLSFORGE_AP_FIXED_H
#define HLSFORGE_AP_FIXED_H

#include "ap_int.h"

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
class ap_fixed : public ap_fixed_base<W, I, true, Q, O, N> {
  typedef ap_fixed_base<W, I, true, Q, O, N> Base;

 public:
  AP_DERIVED_CTORS(ap_fixed)
};

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
class ap_ufixed : public ap_fixed_base<W, I, false, Q, O, N> {
  typedef ap_fixed_base<W, I, false, Q, O, N> Base;

 public:
  AP_DERIVED_CTORS(ap_ufixed)
};

#endif
