// hlsforge C++ layer library: common definitions.
// Every kernel implements docs/arithmetic.md exactly, using only the standard Xilinx ap_fixed API,
// so the same sources build against the vendor headers (synthesis) and ours (C simulation with g++).
#ifndef NNET_COMMON_H_
#define NNET_COMMON_H_

#include "ap_fixed.h"
#include "ap_int.h"

namespace nnet {

// Which dense implementation a layer uses (CONFIG_T::strategy).
enum strategy { latency, resource };

// ceil(a / b) for compile-time constants.
template <unsigned A, unsigned B> struct ceil_div {
    static const unsigned value = (A + B - 1) / B;
};

// Index of a lookup table with 2^TABLE_BITS entries: clamp(floor(v · 2^SHIFT), 0, 2^TABLE_BITS − 1).
// The cast to an unsigned type with SHIFT fractional bits does both steps the Xilinx way: AP_TRN floors onto the
// 2^−SHIFT grid (an arithmetic shift, correct for negative v), then unsigned AP_SAT clamps to [0, 2^TABLE_BITS − 1].
// The TABLE_BITS bits of the clamped value are then the index itself.
template <int TABLE_BITS, int SHIFT, class value_T> inline unsigned table_index(const value_T &v) {
    ap_ufixed<TABLE_BITS, TABLE_BITS - SHIFT, AP_TRN, AP_SAT> clamped = v;
    ap_uint<TABLE_BITS> index = clamped.range(TABLE_BITS - 1, 0);
    return index.to_uint();
}

// One term of a dense product added to its accumulator (docs/arithmetic.md, "Dense"): the exact product and sum,
// one cast to accum_t. With CONFIG_T::cast_products (Arithmetic: hls4ml, where it differs) the product is cast to
// accum_t before it is added, as hls4ml does.
template <bool CAST_PRODUCTS> struct mac_term {
    template <class acc_T, class x_T, class w_T> static acc_T add(const acc_T &acc, const x_T &x, const w_T &w) { return acc + x * w; }
};
template <> struct mac_term<true> {
    template <class acc_T, class x_T, class w_T> static acc_T add(const acc_T &acc, const x_T &x, const w_T &w) { return acc + acc_T(x * w); }
};
template <typename CONFIG_T, class x_T, class w_T>
inline typename CONFIG_T::accum_t mac(const typename CONFIG_T::accum_t &acc, const x_T &x, const w_T &w) {
#pragma HLS INLINE
    return mac_term<CONFIG_T::cast_products>::add(acc, x, w);
}

// The largest of the N values x[0 … N−1] (a softmax slice), compared exactly.
template <unsigned N, class data_T> inline data_T slice_max(const data_T x[N]) {
#pragma HLS INLINE
    data_T mx = x[0];
SliceMax:
    for (unsigned i = 1; i < N; i++) {
#pragma HLS UNROLL
        if (x[i] > mx) mx = x[i];
    }
    return mx;
}

} // namespace nnet

#endif
