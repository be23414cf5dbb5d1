// Data movement over the spatial axes of a channels-last tensor (zero padding, cropping, nearest upsampling), as
// docs/arithmetic.md says: no arithmetic and no cast (the input type passes through). Output position p copies all
// n_chan channels of input position index[p], or writes zeros when index[p] is −1 (a padding position). The index
// table is computed once by the backend (src/ir/window.ts for padding and cropping). With the loops unrolled this is
// pure wiring. CONFIG_T provides: n_in, n_chan, n_positions (output spatial positions).
#ifndef NNET_GATHER_H_
#define NNET_GATHER_H_

#include "nnet_common.h"

namespace nnet {

template <class data_T, class res_T, typename CONFIG_T>
void spatial_gather(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_positions * CONFIG_T::n_chan],
                    const int index[CONFIG_T::n_positions]) {
#pragma HLS INLINE
GatherPositions:
    for (unsigned p = 0; p < CONFIG_T::n_positions; p++) {
#pragma HLS UNROLL
        const int q = index[p];
    GatherChannels:
        for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
#pragma HLS UNROLL
            if (q < 0) res[p * CONFIG_T::n_chan + c] = 0;
            else res[p * CONFIG_T::n_chan + c] = data[q * CONFIG_T::n_chan + c];
        }
    }
}

} // namespace nnet

#endif
