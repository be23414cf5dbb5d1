// Nearest-neighbour upsampling by integer factors (hls4ml's nnet_image.h name), channels-last: output position
// (o_1, …) copies input position (⌊o_1 / f_1⌋, …), a gather through the index table the backend computes.
#ifndef NNET_IMAGE_H_
#define NNET_IMAGE_H_

#include "nnet_gather.h"

namespace nnet {

template <class data_T, class res_T, typename CONFIG_T>
void resize_nearest_cl(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_positions * CONFIG_T::n_chan], const int index[CONFIG_T::n_positions]) {
#pragma HLS INLINE
    spatial_gather<data_T, res_T, CONFIG_T>(data, res, index);
}

} // namespace nnet

#endif
