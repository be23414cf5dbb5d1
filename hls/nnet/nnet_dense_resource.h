// Dense, resource strategy: reuse factor R time-multiplexes the multipliers. The inputs are split into R blocks of
// block_size = ceil(n_in / R) consecutive inputs; cycle r (outer loop, pipelined with II = 1) multiplies block r by
// its weights for every output with block_size · n_out multipliers. Blocks are visited in ascending order and each
// block ascends in i, so every output accumulates in ascending i exactly like the latency strategy
// (docs/arithmetic.md: the order is part of the contract).
// Weights are row-major [n_in][n_out], so cycle r reads the block_size · n_out CONSECUTIVE elements
// [r · block_size · n_out, (r + 1) · block_size · n_out). A cyclic reshape with exactly that factor packs them into
// one wide ROM word: word r = the weights of cycle r, R words in all, one read per cycle, so the ReuseLoop can run
// at II 1 and the layer at II = R (docs/hls.md, "Dense, Resource strategy"). Pragmas are ignored by g++.
#ifndef NNET_DENSE_RESOURCE_H_
#define NNET_DENSE_RESOURCE_H_

#include "nnet_common.h"

namespace nnet {

template <class data_T, class res_T, typename CONFIG_T>
void dense_resource(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_out],
                    const typename CONFIG_T::weight_t weights[CONFIG_T::n_in * CONFIG_T::n_out],
                    const typename CONFIG_T::bias_t biases[CONFIG_T::n_out]) {
    static const unsigned block_size = ceil_div<CONFIG_T::n_in, CONFIG_T::reuse_factor>::value;
    // the weights one ReuseLoop iteration reads: one reshaped ROM word
    static const unsigned word_size = block_size * CONFIG_T::n_out;
#pragma HLS ARRAY_RESHAPE variable = weights cyclic factor = word_size
#pragma HLS ARRAY_PARTITION variable = biases complete
    typename CONFIG_T::accum_t acc[CONFIG_T::n_out];
#pragma HLS ARRAY_PARTITION variable = acc complete

ResetAccum:
    for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
#pragma HLS UNROLL
        acc[j] = biases[j];
    }

ReuseLoop:
    for (unsigned r = 0; r < CONFIG_T::reuse_factor; r++) {
#pragma HLS PIPELINE II = 1 rewind
    BlockInputs:
        for (unsigned b = 0; b < block_size; b++) {
#pragma HLS UNROLL
            const unsigned i = r * block_size + b;
            if (i < CONFIG_T::n_in) {
            Outputs:
                for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
#pragma HLS UNROLL
                    acc[j] = mac<CONFIG_T>(acc[j], data[i], weights[i * CONFIG_T::n_out + j]);
                }
            }
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
