// Dense, latency strategy: every product has its own multiplier; the whole layer is one pipeline stage group.
// The accumulation order per output is ascending in i, as docs/arithmetic.md requires (saturating or
// sign-dependent-rounding accumulators make the order observable).
#ifndef NNET_DENSE_LATENCY_H_
#define NNET_DENSE_LATENCY_H_

#include "nnet_common.h"

namespace nnet {

template <class data_T, class res_T, typename CONFIG_T>
void dense_latency(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_out],
                   const typename CONFIG_T::weight_t weights[CONFIG_T::n_in * CONFIG_T::n_out],
                   const typename CONFIG_T::bias_t biases[CONFIG_T::n_out]) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
#pragma HLS ARRAY_PARTITION variable = weights complete
#pragma HLS ARRAY_PARTITION variable = biases complete
    typename CONFIG_T::accum_t acc[CONFIG_T::n_out];
#pragma HLS ARRAY_PARTITION variable = acc complete

ResetAccum:
    for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
#pragma HLS UNROLL
        acc[j] = biases[j];
    }

Accumulate:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
    Outputs:
        for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
#pragma HLS UNROLL
            acc[j] = mac<CONFIG_T>(acc[j], data[i], weights[i * CONFIG_T::n_out + j]);
        }
    }

Result:
    for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
#pragma HLS UNROLL
        res[j] = acc[j];
    }
}

} // namespace nnet

#endif
