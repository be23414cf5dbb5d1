// Transpose of a tensor of any rank, exactly as docs/arithmetic.md ("Merges and data movement"): y[j] = x[index[j]]
// over row-major positions, where output axis a is input axis perm[a]. The index table is computed once by the
// backend (src/ir/tensor.ts transposeIndex, the same function the emulator uses) and passed in as a constant array;
// with the loop unrolled it is pure wiring. No cast: the input's type passes through. CONFIG_T provides: n_in.
#ifndef NNET_TRANSPOSE_H_
#define NNET_TRANSPOSE_H_

#include "nnet_common.h"

namespace nnet {

template <class data_T, class res_T, typename CONFIG_T>
void transpose(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in], const unsigned index[CONFIG_T::n_in]) {
#pragma HLS INLINE
TransposeGather:
    for (unsigned j = 0; j < CONFIG_T::n_in; j++) {
#pragma HLS UNROLL
        res[j] = data[index[j]];
    }
}

} // namespace nnet

#endif
