// io_stream pooling per channel (docs/arithmetic.md, "Pooling"). Max: the largest non-padding tap, compared exactly,
// y = Q_result(max). Average: the exact sum s of the taps that count (padding counts only with count_pad) in sum_t,
// n their number, y = Q_result(s · r_n) with r_n = recip[n − 1] (1/n rounded once, src/fixed/reciprocal.ts), the
// product exact. CONFIG_T: the window constants of nnet_window_stream.h; average also count_pad, sum_t, recip_t.
#ifndef NNET_POOLING_STREAM_H_
#define NNET_POOLING_STREAM_H_

#include "nnet_window_stream.h"

namespace nnet {

template <class elem_T, class res_T, typename CONFIG_T> struct max_pool_pixel {
    void operator()(const elem_T win[], const bool valid[], res_T &result) const {
    MaxPoolChannels:
        for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
            elem_T m = 0;
            bool any = false;
        MaxPoolTaps:
            for (unsigned t = 0; t < window_shape<CONFIG_T>::taps; t++) {
                const elem_T x = win[t * CONFIG_T::n_chan + c];
                if (valid[t] && (!any || x > m)) m = x;
                any = any || valid[t];
            }
            result[c] = m;
        }
    }
};

template <class data_T, class res_T, typename CONFIG_T> void max_pool_stream(hls::stream<data_T> &in, hls::stream<res_T> &out) {
    const max_pool_pixel<typename data_T::value_type, res_T, CONFIG_T> pixel = {};
    window_stream<data_T, res_T, CONFIG_T>(in, out, pixel);
}

template <class elem_T, class res_T, typename CONFIG_T> struct average_pool_pixel {
    const typename CONFIG_T::recip_t *recip;

    void operator()(const elem_T win[], const bool valid[], res_T &result) const {
        unsigned n = 0;
    AverageCount:
        for (unsigned t = 0; t < window_shape<CONFIG_T>::taps; t++)
            if (valid[t] || CONFIG_T::count_pad) n++;
    AveragePoolChannels:
        for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
            typename CONFIG_T::sum_t s = 0;
        AveragePoolTaps:
            for (unsigned t = 0; t < window_shape<CONFIG_T>::taps; t++)
                if (valid[t]) s = s + win[t * CONFIG_T::n_chan + c]; // padding adds an exact 0
            typedef typename res_T::value_type out_T;
            result[c] = n == 0 ? out_T(0) : out_T(s * recip[n - 1]);
        }
    }
};

template <class data_T, class res_T, typename CONFIG_T>
void average_pool_stream(hls::stream<data_T> &in, hls::stream<res_T> &out, const typename CONFIG_T::recip_t recip[window_shape<CONFIG_T>::taps]) {
    const average_pool_pixel<typename data_T::value_type, res_T, CONFIG_T> pixel = {recip};
    window_stream<data_T, res_T, CONFIG_T>(in, out, pixel);
}

} // namespace nnet

#endif
