// Convolution (1-D and 2-D, channels-last), exactly as docs/arithmetic.md ("Convolution"): for each output position
// p, the dense contract over the im2col vector i = t·n_chan + c (tap first, then input channel):
//   acc_f = Q_accum(b_f); for t ascending, for c ascending: acc_f = Q_accum(acc_f + x[tap(p,t), c] · w[t][c][f]);
//   y[p, f] = Q_result(acc_f)
// The geometry is not computed here: index[p·n_taps + t] is the input spatial position tap t of output position p
// reads, or −1 in the padding (a padding tap adds an exact 0, so it is skipped). The backend emits that table from
// src/ir/window.ts windowIndex, the one function the emulator and the RTL use too. Weights are row-major
// [taps][n_chan][n_filt] (the dense layout of the im2col vector), biases [n_filt].
// io_parallel: every product of every output position is unrolled; PIPELINE II = reuse_factor lets HLS share each
// multiplier over reuse_factor cycles, as the latency dense does (docs/hls.md, "Convolution family").
// CONFIG_T provides: n_in, n_chan, n_filt, n_taps, n_positions, reuse_factor, cast_products, weight_t, bias_t, accum_t.
#ifndef NNET_CONV_H_
#define NNET_CONV_H_

#include "nnet_common.h"

namespace nnet {

template <class data_T, class res_T, typename CONFIG_T>
void conv_cl(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_positions * CONFIG_T::n_filt],
             const int index[CONFIG_T::n_positions * CONFIG_T::n_taps],
             const typename CONFIG_T::weight_t weights[CONFIG_T::n_taps * CONFIG_T::n_chan * CONFIG_T::n_filt],
             const typename CONFIG_T::bias_t biases[CONFIG_T::n_filt]) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
#pragma HLS ARRAY_PARTITION variable = weights complete
#pragma HLS ARRAY_PARTITION variable = biases complete
#pragma HLS ARRAY_PARTITION variable = index complete
ConvPositions:
    for (unsigned p = 0; p < CONFIG_T::n_positions; p++) {
#pragma HLS UNROLL
        typename CONFIG_T::accum_t acc[CONFIG_T::n_filt];
#pragma HLS ARRAY_PARTITION variable = acc complete
    ConvResetAccum:
        for (unsigned f = 0; f < CONFIG_T::n_filt; f++) {
#pragma HLS UNROLL
            acc[f] = biases[f];
        }
    ConvTaps:
        for (unsigned t = 0; t < CONFIG_T::n_taps; t++) {
#pragma HLS UNROLL
            const int q = index[p * CONFIG_T::n_taps + t];
            if (q < 0) continue;
        ConvChannels:
            for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
#pragma HLS UNROLL
            ConvFilters:
                for (unsigned f = 0; f < CONFIG_T::n_filt; f++) {
#pragma HLS UNROLL
                    acc[f] = mac<CONFIG_T>(acc[f], data[q * CONFIG_T::n_chan + c], weights[(t * CONFIG_T::n_chan + c) * CONFIG_T::n_filt + f]);
                }
            }
        }
    ConvResult:
        for (unsigned f = 0; f < CONFIG_T::n_filt; f++) {
#pragma HLS UNROLL
            res[p * CONFIG_T::n_filt + f] = acc[f];
        }
    }
}

// hls4ml's names for the 1-D and 2-D layers: the index table carries the rank, so both are the same kernel.
template <class data_T, class res_T, typename CONFIG_T>
void conv_1d_cl(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_positions * CONFIG_T::n_filt],
                const int index[CONFIG_T::n_positions * CONFIG_T::n_taps],
                const typename CONFIG_T::weight_t weights[CONFIG_T::n_taps * CONFIG_T::n_chan * CONFIG_T::n_filt],
                const typename CONFIG_T::bias_t biases[CONFIG_T::n_filt]) {
#pragma HLS INLINE
    conv_cl<data_T, res_T, CONFIG_T>(data, res, index, weights, biases);
}

template <class data_T, class res_T, typename CONFIG_T>
void conv_2d_cl(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_positions * CONFIG_T::n_filt],
                const int index[CONFIG_T::n_positions * CONFIG_T::n_taps],
                const typename CONFIG_T::weight_t weights[CONFIG_T::n_taps * CONFIG_T::n_chan * CONFIG_T::n_filt],
                const typename CONFIG_T::bias_t biases[CONFIG_T::n_filt]) {
#pragma HLS INLINE
    conv_cl<data_T, res_T, CONFIG_T>(data, res, index, weights, biases);
}

} // namespace nnet

#endif
