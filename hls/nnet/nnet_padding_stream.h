// io_stream data movement over the spatial axes (docs/arithmetic.md: zeros or copies, no cast, the type passes):
// zero padding, cropping and nearest upsampling by integer factors, pixel by pixel in raster order.
// CONFIG_T: in_height, in_width, n_chan, and pad_top, pad_bottom, pad_left, pad_right (pad, crop: the amounts cut),
// or factor_h, factor_w (upsample). 1-D tensors are 2-D ones with in_height = 1.
#ifndef NNET_PADDING_STREAM_H_
#define NNET_PADDING_STREAM_H_

#include "nnet_stream.h"

namespace nnet {

template <class data_T, typename CONFIG_T> void zeropad_stream(hls::stream<data_T> &in, hls::stream<data_T> &out) {
    const unsigned out_h = CONFIG_T::pad_top + CONFIG_T::in_height + CONFIG_T::pad_bottom;
    const unsigned out_w = CONFIG_T::pad_left + CONFIG_T::in_width + CONFIG_T::pad_right;
    data_T zero;
    for (unsigned c = 0; c < CONFIG_T::n_chan; c++) zero[c] = 0;
PadRows:
    for (unsigned y = 0; y < out_h; y++) {
    PadCols:
        for (unsigned x = 0; x < out_w; x++) {
#pragma HLS PIPELINE II = 1
            const bool inside = y >= CONFIG_T::pad_top && y < CONFIG_T::pad_top + CONFIG_T::in_height && x >= CONFIG_T::pad_left &&
                                x < CONFIG_T::pad_left + CONFIG_T::in_width;
            out.write(inside ? in.read() : zero);
        }
    }
}

template <class data_T, typename CONFIG_T> void crop_stream(hls::stream<data_T> &in, hls::stream<data_T> &out) {
CropRows:
    for (unsigned y = 0; y < CONFIG_T::in_height; y++) {
    CropCols:
        for (unsigned x = 0; x < CONFIG_T::in_width; x++) {
#pragma HLS PIPELINE II = 1
            const data_T pack = in.read();
            if (y >= CONFIG_T::pad_top && y < CONFIG_T::in_height - CONFIG_T::pad_bottom && x >= CONFIG_T::pad_left &&
                x < CONFIG_T::in_width - CONFIG_T::pad_right)
                out.write(pack);
        }
    }
}

// Each input row is read once into a one-row buffer while its first copy is written; the other factor_h − 1 copies
// are written from the buffer.
template <class data_T, typename CONFIG_T> void upsample_stream(hls::stream<data_T> &in, hls::stream<data_T> &out) {
    data_T row[CONFIG_T::in_width];
UpsampleRows:
    for (unsigned y = 0; y < CONFIG_T::in_height; y++) {
    UpsampleCopies:
        for (unsigned r = 0; r < CONFIG_T::factor_h; r++) {
        UpsampleCols:
            for (unsigned x = 0; x < CONFIG_T::in_width; x++) {
                if (r == 0) row[x] = in.read();
            UpsampleRepeat:
                for (unsigned k = 0; k < CONFIG_T::factor_w; k++) {
#pragma HLS PIPELINE II = 1
                    out.write(row[x]);
                }
            }
        }
    }
}

} // namespace nnet

#endif
