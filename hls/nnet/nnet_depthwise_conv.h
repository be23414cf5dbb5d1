// Depthwise convolution (1-D and 2-D, channels-last), exactly as docs/arithmetic.md ("Depthwise"): output channel
// c·m + k of position p is
//   acc = Q_accum(b[c·m + k]); for t ascending: acc = Q_accum(acc + x[tap(p,t), c] · w[t][c][k]); y = Q_result(acc)
// with m = depth_multiplier. index[p·n_taps + t] is the im2col table of src/ir/window.ts (−1: padding, skipped, it
// adds an exact 0). Weights row-major [taps][n_chan][depth_multiplier], biases [n_chan · depth_multiplier].
// io_parallel: everything unrolled, PIPELINE II = reuse_factor shares the multipliers (docs/hls.md).
// CONFIG_T provides: n_in, n_chan, depth_multiplier, n_taps, n_positions, reuse_factor, cast_products, weight_t, bias_t,
// accum_t.
#ifndef NNET_DEPTHWISE_CONV_H_
#define NNET_DEPTHWISE_CONV_H_

#include "nnet_common.h"

namespace nnet {

template <class data_T, class res_T, typename CONFIG_T>
void depthwise_conv_cl(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_positions * CONFIG_T::n_chan * CONFIG_T::depth_multiplier],
                       const int index[CONFIG_T::n_positions * CONFIG_T::n_taps],
                       const typename CONFIG_T::weight_t weights[CONFIG_T::n_taps * CONFIG_T::n_chan * CONFIG_T::depth_multiplier],
                       const typename CONFIG_T::bias_t biases[CONFIG_T::n_chan * CONFIG_T::depth_multiplier]) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
#pragma HLS ARRAY_PARTITION variable = weights complete
#pragma HLS ARRAY_PARTITION variable = biases complete
#pragma HLS ARRAY_PARTITION variable = index complete
    static const unsigned n_out = CONFIG_T::n_chan * CONFIG_T::depth_multiplier;
DepthwisePositions:
    for (unsigned p = 0; p < CONFIG_T::n_positions; p++) {
#pragma HLS UNROLL
    DepthwiseChannels:
        for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
#pragma HLS UNROLL
        DepthwiseMultiplier:
            for (unsigned k = 0; k < CONFIG_T::depth_multiplier; k++) {
#pragma HLS UNROLL
                const unsigned o = c * CONFIG_T::depth_multiplier + k;
                typename CONFIG_T::accum_t acc = biases[o];
            DepthwiseTaps:
                for (unsigned t = 0; t < CONFIG_T::n_taps; t++) {
#pragma HLS UNROLL
                    const int q = index[p * CONFIG_T::n_taps + t];
                    if (q < 0) continue;
                    acc = mac<CONFIG_T>(acc, data[q * CONFIG_T::n_chan + c], weights[t * n_out + o]);
                }
                res[p * n_out + o] = acc;
            }
        }
    }
}

} // namespace nnet

#endif
