// io_stream basics: the pack a stream carries per transfer, and moving packs between streams and flat arrays.
// A tensor [S_1, …, S_r, C] (r ≥ 1) streams as Π S packs of C values in row-major order (one pixel, all its
// channels, per transfer); a 1-D tensor [n] is one pack of n values. Data movement only: no value is ever cast.
#ifndef NNET_STREAM_H_
#define NNET_STREAM_H_

#include "hls_stream.h"
#include "nnet_common.h"

namespace nnet {

// N values of type T moved as one stream transfer (one wide word in hardware).
template <class T, unsigned N> struct array {
    typedef T value_type;
    static const unsigned size = N;
    T data[N];
    T &operator[](unsigned i) { return data[i]; }
    const T &operator[](unsigned i) const { return data[i]; }
};

// Reads PACKS packs into x, one after another (row-major order is kept).
template <class pack_T, unsigned PACKS>
void read_packs(hls::stream<pack_T> &in, typename pack_T::value_type x[PACKS * pack_T::size]) {
#pragma HLS INLINE
ReadPacks:
    for (unsigned p = 0; p < PACKS; p++) {
        const pack_T pack = in.read();
    ReadPack:
        for (unsigned c = 0; c < pack_T::size; c++) {
#pragma HLS UNROLL
            x[p * pack_T::size + c] = pack[c];
        }
    }
}

// Writes y as PACKS packs.
template <class pack_T, unsigned PACKS>
void write_packs(hls::stream<pack_T> &out, const typename pack_T::value_type y[PACKS * pack_T::size]) {
#pragma HLS INLINE
WritePacks:
    for (unsigned p = 0; p < PACKS; p++) {
        pack_T pack;
    WritePack:
        for (unsigned c = 0; c < pack_T::size; c++) {
#pragma HLS UNROLL
            pack[c] = y[p * pack_T::size + c];
        }
        out.write(pack);
    }
}

// The same N_ELEM values, regrouped from packs of in_T::size into packs of out_T::size (reshape, flatten). Both pack
// sizes divide N_ELEM. One element moves per iteration; a pack is read when the previous one is used up and written
// when it is full, so only one pack of each side is held.
template <class in_T, class out_T, unsigned N_ELEM> void repack(hls::stream<in_T> &in, hls::stream<out_T> &out) {
    in_T x;
    out_T y;
RepackElements:
    for (unsigned e = 0; e < N_ELEM; e++) {
#pragma HLS PIPELINE II = 1
        if (e % in_T::size == 0) x = in.read();
        y[e % out_T::size] = x[e % in_T::size];
        if (e % out_T::size == out_T::size - 1) out.write(y);
    }
}

} // namespace nnet

#endif
