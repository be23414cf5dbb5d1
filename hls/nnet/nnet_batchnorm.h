// Batch normalization at inference time: y_c = Q_result(x_c·sq_c + bq_c), product and sum exact
// (docs/arithmetic.md, "batchnorm"). The channel c is the last axis: element i belongs to channel i mod n_filt.
#ifndef NNET_BATCHNORM_H_
#define NNET_BATCHNORM_H_

#include "nnet_common.h"

namespace nnet {

// CONFIG_T provides: n_in, n_filt, scale_t, bias_t.
template <class data_T, class res_T, typename CONFIG_T>
void normalize(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in], const typename CONFIG_T::scale_t scale[CONFIG_T::n_filt],
               const typename CONFIG_T::bias_t bias[CONFIG_T::n_filt]) {
#pragma HLS PIPELINE
#pragma HLS ARRAY_PARTITION variable = scale complete
#pragma HLS ARRAY_PARTITION variable = bias complete
NormalizeLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        const unsigned c = i % CONFIG_T::n_filt;
        res[i] = data[i] * scale[c] + bias[c];
    }
}

} // namespace nnet

#endif
