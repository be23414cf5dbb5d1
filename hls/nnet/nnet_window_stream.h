// io_stream sliding windows (conv, depthwise conv, pooling): a line buffer and the order outputs leave in.
// The input streams in raster order, one pixel (all channels) per transfer. The line buffer holds the last
// line_rows = (kernel_h − 1)·dilation_h + 1 input rows, row y in slot y mod line_rows: nothing grows with the image
// height, and the width only sizes a RAM. Output (oy, ox) is computed, in raster order, as soon as the last input
// pixel it reads has arrived (its trigger); the taps it reads are then still in the buffer, because the rows they span
// are at most line_rows apart. Geometry (docs/arithmetic.md, src/ir/window.ts): tap (ky, kx) of output (oy, ox) reads
// input (oy·stride_h + ky·dilation_h − pad_top, ox·stride_w + kx·dilation_w − pad_left), or padding outside the image;
// taps are visited row-major, as the im2col vector. A 1-D window is the 2-D one with in_height = kernel_h = 1.
// CONFIG_T provides: in_height, in_width, n_chan, out_height, out_width, kernel_h, kernel_w, stride_h, stride_w,
// dilation_h, dilation_w, pad_top, pad_left, reuse_factor.
#ifndef NNET_WINDOW_STREAM_H_
#define NNET_WINDOW_STREAM_H_

#include "nnet_stream.h"

namespace nnet {

template <typename CONFIG_T> struct window_shape {
    static const unsigned taps = CONFIG_T::kernel_h * CONFIG_T::kernel_w;
    static const unsigned line_rows = (CONFIG_T::kernel_h - 1) * CONFIG_T::dilation_h + 1;
    static const unsigned row_size = CONFIG_T::in_width * CONFIG_T::n_chan;
};

inline int clamp_index(int v, int last) { return v < 0 ? 0 : v > last ? last : v; }

// Raster index of the last input pixel output (oy, ox) reads (clamped into the image).
template <typename CONFIG_T> unsigned window_trigger(unsigned oy, unsigned ox) {
    const int y = (int)(oy * CONFIG_T::stride_h + (CONFIG_T::kernel_h - 1) * CONFIG_T::dilation_h) - (int)CONFIG_T::pad_top;
    const int x = (int)(ox * CONFIG_T::stride_w + (CONFIG_T::kernel_w - 1) * CONFIG_T::dilation_w) - (int)CONFIG_T::pad_left;
    return (unsigned)clamp_index(y, CONFIG_T::in_height - 1) * CONFIG_T::in_width + (unsigned)clamp_index(x, CONFIG_T::in_width - 1);
}

// The window of output (oy, ox): win[t·n_chan + c], and whether tap t lies inside the image.
template <class T, typename CONFIG_T>
void window_gather(const T line[window_shape<CONFIG_T>::line_rows][window_shape<CONFIG_T>::row_size], unsigned oy, unsigned ox,
                   T win[window_shape<CONFIG_T>::taps * CONFIG_T::n_chan], bool valid[window_shape<CONFIG_T>::taps]) {
#pragma HLS INLINE
WindowRows:
    for (unsigned ky = 0; ky < CONFIG_T::kernel_h; ky++) {
    WindowCols:
        for (unsigned kx = 0; kx < CONFIG_T::kernel_w; kx++) {
            const unsigned t = ky * CONFIG_T::kernel_w + kx;
            const int y = (int)(oy * CONFIG_T::stride_h + ky * CONFIG_T::dilation_h) - (int)CONFIG_T::pad_top;
            const int x = (int)(ox * CONFIG_T::stride_w + kx * CONFIG_T::dilation_w) - (int)CONFIG_T::pad_left;
            valid[t] = y >= 0 && y < (int)CONFIG_T::in_height && x >= 0 && x < (int)CONFIG_T::in_width;
        WindowChannels:
            for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
                win[t * CONFIG_T::n_chan + c] = valid[t] ? line[y % window_shape<CONFIG_T>::line_rows][x * CONFIG_T::n_chan + c] : T(0);
            }
        }
    }
}

// Runs a window layer: reads every input pixel once into the line buffer and hands each output's window to
// pixel(win, valid, pack) as soon as it is complete. Most input pixels complete at most one output; at the right and
// bottom edges (padding at the end) one pixel may complete several.
template <class data_T, class res_T, typename CONFIG_T, class pixel_T>
void window_stream(hls::stream<data_T> &in, hls::stream<res_T> &out, const pixel_T &pixel) {
    typedef typename data_T::value_type elem_T;
    typedef window_shape<CONFIG_T> shape;
    elem_T line[shape::line_rows][shape::row_size];
    unsigned oy = 0, ox = 0;
InputRows:
    for (unsigned iy = 0; iy < CONFIG_T::in_height; iy++) {
    InputCols:
        for (unsigned ix = 0; ix < CONFIG_T::in_width; ix++) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
            const data_T pack = in.read();
        StoreChannels:
            for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
#pragma HLS UNROLL
                line[iy % shape::line_rows][ix * CONFIG_T::n_chan + c] = pack[c];
            }
            const unsigned arrived = iy * CONFIG_T::in_width + ix;
        CompleteOutputs:
            while (oy < CONFIG_T::out_height && window_trigger<CONFIG_T>(oy, ox) <= arrived) {
                elem_T win[shape::taps * CONFIG_T::n_chan];
                bool valid[shape::taps];
                window_gather<elem_T, CONFIG_T>(line, oy, ox, win, valid);
                res_T result;
                pixel(win, valid, result);
                out.write(result);
                if (++ox == CONFIG_T::out_width) {
                    ox = 0;
                    oy++;
                }
            }
        }
    }
}

} // namespace nnet

#endif
