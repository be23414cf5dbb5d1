// Dense (fully connected) layer: y_j = Q_result(acc_j), acc_j = Q_accum(b_j) then acc_j = Q_accum(acc_j + x_i·w_ij)
// for i ascending (docs/arithmetic.md, "Dense"). Weights are row-major [n_in][n_out].
#ifndef NNET_DENSE_H_
#define NNET_DENSE_H_

#include "nnet_common.h"
#include "nnet_dense_latency.h"
#include "nnet_dense_resource.h"

namespace nnet {

// CONFIG_T provides: n_in, n_out, reuse_factor, strategy, cast_products (nnet_common.h mac), weight_t, bias_t, accum_t.
template <class data_T, class res_T, typename CONFIG_T>
void dense(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_out],
           const typename CONFIG_T::weight_t weights[CONFIG_T::n_in * CONFIG_T::n_out],
           const typename CONFIG_T::bias_t biases[CONFIG_T::n_out]) {
#pragma HLS INLINE
    if (CONFIG_T::strategy == nnet::latency) {
        dense_latency<data_T, res_T, CONFIG_T>(data, res, weights, biases);
    } else {
        dense_resource<data_T, res_T, CONFIG_T>(data, res, weights, biases);
    }
}

} // namespace nnet

#endif
