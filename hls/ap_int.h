// hlsforge: ap_int<W> and ap_uint<W>, arbitrary-precision integers with Xilinx ap_int semantics
// (signed widths up to 128 bits, unsigned up to 127). Our own implementation; see hls/ap/.
#ifndef HLSFORGE_AP_INT_H
#define HLSFORGE_AP_INT_H

#include "ap/ap_derived.h"
#include "ap/ap_int_base.h"

template <int W>
class ap_int : public ap_int_base<W, true> {
  typedef ap_int_base<W, true> Base;

 public:
  AP_DERIVED_CTORS(ap_int)
};

template <int W>
class ap_uint : public ap_int_base<W, false> {
  typedef ap_int_base<W, false> Base;

 public:
  AP_DERIVED_CTORS(ap_uint)
};

#endif
