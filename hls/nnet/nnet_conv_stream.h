// io_stream convolution and depthwise convolution: each output pixel is exactly the io_parallel arithmetic over its
// im2col window (docs/arithmetic.md, "Convolution"): acc = Q_accum(b), then for tap t ascending (padding taps
// skipped), input channel c ascending: acc = Q_accum(acc + x·w), y = Q_result(acc). II per output pixel: reuse_factor.
// CONFIG_T: the window constants of nnet_window_stream.h and n_filt, cast_products, weight_t, bias_t, accum_t; depthwise:
// n_mult.
#ifndef NNET_CONV_STREAM_H_
#define NNET_CONV_STREAM_H_

#include "nnet_window_stream.h"

namespace nnet {

// One output pixel of a convolution, weights [taps][n_chan][n_filt].
template <class elem_T, class res_T, typename CONFIG_T> struct conv_pixel {
    const typename CONFIG_T::weight_t *weights;
    const typename CONFIG_T::bias_t *biases;

    void operator()(const elem_T win[], const bool valid[], res_T &result) const {
        typename CONFIG_T::accum_t acc[CONFIG_T::n_filt];
#pragma HLS ARRAY_PARTITION variable = acc complete
    ConvReset:
        for (unsigned f = 0; f < CONFIG_T::n_filt; f++) acc[f] = biases[f];
    ConvTaps:
        for (unsigned t = 0; t < window_shape<CONFIG_T>::taps; t++) {
            if (!valid[t]) continue; // a padding tap adds an exact 0
        ConvChannels:
            for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
                const unsigned i = t * CONFIG_T::n_chan + c;
            ConvFilters:
                for (unsigned f = 0; f < CONFIG_T::n_filt; f++) acc[f] = mac<CONFIG_T>(acc[f], win[i], weights[i * CONFIG_T::n_filt + f]);
            }
        }
    ConvResult:
        for (unsigned f = 0; f < CONFIG_T::n_filt; f++) result[f] = acc[f];
    }
};

template <class data_T, class res_T, typename CONFIG_T>
void conv_stream(hls::stream<data_T> &in, hls::stream<res_T> &out,
                 const typename CONFIG_T::weight_t weights[window_shape<CONFIG_T>::taps * CONFIG_T::n_chan * CONFIG_T::n_filt],
                 const typename CONFIG_T::bias_t biases[CONFIG_T::n_filt]) {
    const conv_pixel<typename data_T::value_type, res_T, CONFIG_T> pixel = {weights, biases};
    window_stream<data_T, res_T, CONFIG_T>(in, out, pixel);
}

// One output pixel of a depthwise convolution: output channel c·n_mult + k, weights [taps][n_chan][n_mult].
template <class elem_T, class res_T, typename CONFIG_T> struct depthwise_pixel {
    const typename CONFIG_T::weight_t *weights;
    const typename CONFIG_T::bias_t *biases;

    void operator()(const elem_T win[], const bool valid[], res_T &result) const {
    DepthwiseOutputs:
        for (unsigned o = 0; o < CONFIG_T::n_chan * CONFIG_T::n_mult; o++) {
            const unsigned c = o / CONFIG_T::n_mult;
            typename CONFIG_T::accum_t acc = biases[o];
        DepthwiseTaps:
            for (unsigned t = 0; t < window_shape<CONFIG_T>::taps; t++)
                if (valid[t]) acc = mac<CONFIG_T>(acc, win[t * CONFIG_T::n_chan + c], weights[t * CONFIG_T::n_chan * CONFIG_T::n_mult + o]);
            result[o] = acc;
        }
    }
};

template <class data_T, class res_T, typename CONFIG_T>
void depthwise_conv_stream(hls::stream<data_T> &in, hls::stream<res_T> &out,
                           const typename CONFIG_T::weight_t weights[window_shape<CONFIG_T>::taps * CONFIG_T::n_chan * CONFIG_T::n_mult],
                           const typename CONFIG_T::bias_t biases[CONFIG_T::n_chan * CONFIG_T::n_mult]) {
    const depthwise_pixel<typename data_T::value_type, res_T, CONFIG_T> pixel = {weights, biases};
    window_stream<data_T, res_T, CONFIG_T>(in, out, pixel);
}

} // namespace nnet

#endif
