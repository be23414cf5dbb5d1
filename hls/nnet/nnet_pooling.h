// Max and average pooling per channel (1-D and 2-D, channels-last), exactly as docs/arithmetic.md ("Pooling").
// index[p·n_taps + t] is the im2col table of src/ir/window.ts (−1: padding).
//   max:     y = Q_result(max of the non-padding taps), compared exactly in the input type;
//   average: y = Q_result(s · r_p), s the exact sum of the non-padding taps in CONFIG_T::sum_t (the input type with
//            ⌈log2 n_taps⌉ more integer bits), r_p = 1/n rounded once (n the taps that count at position p,
//            padding included when the layer counts it), given per position in `scale` as exact constants of
//            CONFIG_T::scale_t. ap_fixed's product is exact, so the only rounding is the one cast to res_T.
// A position whose taps all fall in the padding gives 0 (max) or 0 · r (average).
// CONFIG_T provides: n_in, n_chan, n_taps, n_positions; sum_t and scale_t for the average.
#ifndef NNET_POOLING_H_
#define NNET_POOLING_H_

#include "nnet_common.h"

namespace nnet {

template <class data_T, class res_T, typename CONFIG_T>
void pooling_max_cl(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_positions * CONFIG_T::n_chan],
                    const int index[CONFIG_T::n_positions * CONFIG_T::n_taps]) {
#pragma HLS PIPELINE
#pragma HLS ARRAY_PARTITION variable = index complete
PoolPositions:
    for (unsigned p = 0; p < CONFIG_T::n_positions; p++) {
#pragma HLS UNROLL
    PoolChannels:
        for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
#pragma HLS UNROLL
            data_T best = 0;
            bool seen = false;
        PoolTaps:
            for (unsigned t = 0; t < CONFIG_T::n_taps; t++) {
#pragma HLS UNROLL
                const int q = index[p * CONFIG_T::n_taps + t];
                if (q < 0) continue;
                const data_T v = data[q * CONFIG_T::n_chan + c];
                if (!seen || v > best) best = v;
                seen = true;
            }
            res[p * CONFIG_T::n_chan + c] = best;
        }
    }
}

template <class data_T, class res_T, typename CONFIG_T>
void pooling_average_cl(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_positions * CONFIG_T::n_chan],
                        const int index[CONFIG_T::n_positions * CONFIG_T::n_taps],
                        const typename CONFIG_T::scale_t scale[CONFIG_T::n_positions]) {
#pragma HLS PIPELINE
#pragma HLS ARRAY_PARTITION variable = index complete
#pragma HLS ARRAY_PARTITION variable = scale complete
PoolPositions:
    for (unsigned p = 0; p < CONFIG_T::n_positions; p++) {
#pragma HLS UNROLL
    PoolChannels:
        for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
#pragma HLS UNROLL
            typename CONFIG_T::sum_t sum = 0;
        PoolTaps:
            for (unsigned t = 0; t < CONFIG_T::n_taps; t++) {
#pragma HLS UNROLL
                const int q = index[p * CONFIG_T::n_taps + t];
                if (q < 0) continue;
                sum = sum + data[q * CONFIG_T::n_chan + c]; // exact: sum_t holds the sum of n_taps inputs
            }
            res[p * CONFIG_T::n_chan + c] = sum * scale[p]; // exact product, one cast
        }
    }
}

} // namespace nnet

#endif
