// Concatenation along any axis, exactly as docs/arithmetic.md ("Merges and data movement"): over the flattened
// row-major shape, every one of the n_outer outer indices holds the inputs' blocks side by side, each block
// (its extent along the axis times the product of the later extents) contiguous in its input. One call per input
// copies its blocks into place, each element cast once from the input's type: y = Q_result(x).
// CONFIG_T provides: n_outer (product of the extents before the axis), n_row (the output's block: its extent along the
// axis times the product of the later extents). BLOCK is this input's block, OFFSET where it starts in the row.
#ifndef NNET_CONCATENATE_H_
#define NNET_CONCATENATE_H_

#include "nnet_common.h"

namespace nnet {

template <class data_T, class res_T, typename CONFIG_T, unsigned BLOCK, unsigned OFFSET>
void concatenate_part(data_T data[CONFIG_T::n_outer * BLOCK], res_T res[CONFIG_T::n_outer * CONFIG_T::n_row]) {
#pragma HLS INLINE
ConcatOuter:
    for (unsigned o = 0; o < CONFIG_T::n_outer; o++) {
#pragma HLS UNROLL
    ConcatBlock:
        for (unsigned e = 0; e < BLOCK; e++) {
#pragma HLS UNROLL
            res[o * CONFIG_T::n_row + OFFSET + e] = data[o * BLOCK + e];
        }
    }
}

} // namespace nnet

#endif
