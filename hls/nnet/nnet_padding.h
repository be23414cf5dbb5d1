// Zero padding and cropping of the spatial axes (hls4ml's nnet_padding.h names), channels-last: both are a gather
// through the index table of src/ir/window.ts (a 1-tap window with the pads, or negative pads for a crop).
#ifndef NNET_PADDING_H_
#define NNET_PADDING_H_

#include "nnet_gather.h"

namespace nnet {

template <class data_T, class res_T, typename CONFIG_T>
void zeropad_cl(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_positions * CONFIG_T::n_chan], const int index[CONFIG_T::n_positions]) {
#pragma HLS INLINE
    spatial_gather<data_T, res_T, CONFIG_T>(data, res, index);
}

template <class data_T, class res_T, typename CONFIG_T>
void cropping_cl(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_positions * CONFIG_T::n_chan], const int index[CONFIG_T::n_positions]) {
#pragma HLS INLINE
    spatial_gather<data_T, res_T, CONFIG_T>(data, res, index);
}

} // namespace nnet

#endif
