// hls4ml's softmax implementations, computed exactly as docs/arithmetic.md ("hls4ml-compatible arithmetic") says.
// Table contents come from src/fixed/softmax-hls4ml.ts as constant arrays; nothing is computed from float here.
#ifndef NNET_SOFTMAX_HLS4ML_H_
#define NNET_SOFTMAX_HLS4ML_H_

#include "nnet_common.h"

namespace nnet {

// The top N bits of v (bits W−1 … W−N, the sign bit included) as an unsigned table index.
template <int N, class T> inline unsigned top_bits_index(const T &v) {
    ap_uint<N> index = v.range(T::width - 1, T::width - N);
    return index.to_uint();
}

// C's int of v · 2^K (truncation toward zero), plus OFFSET, clamped to [0, SIZE − 1]. K ≥ 0.
template <int K, int OFFSET, int SIZE, class T> inline unsigned trunc_index(const T &v) {
    ap_fixed<T::iwidth + 2 + K, T::iwidth + 2, AP_TRN_ZERO, AP_WRAP> t = v; // v on the 2^−K grid, toward zero
    long long i = (t * (1 << K)).to_int64() + OFFSET;
    return i < 0 ? 0u : i > SIZE - 1 ? unsigned(SIZE - 1) : unsigned(i);
}

// The largest power of two below N (N > 2): where hls4ml's reduce() splits its adder tree.
template <int N, int P = 1, bool MORE = (2 * P < N)> struct tree_split { static const int value = tree_split<N, 2 * P>::value; };
template <int N, int P> struct tree_split<N, P, false> { static const int value = P; };

// Sum of N values of T by hls4ml's adder tree, each partial sum cast to T:
// sum(x, N) = T(sum(x, L) + sum(x + L, N − L)), L = tree_split<N>.
template <class T, int N> struct tree_sum {
    static T sum(const T *x) {
        static const int L = tree_split<N>::value;
        return T(tree_sum<T, L>::sum(x) + tree_sum<T, N - L>::sum(x + L));
    }
};
template <class T> struct tree_sum<T, 2> { static T sum(const T *x) { return T(x[0] + x[1]); } };
template <class T> struct tree_sum<T, 1> { static T sum(const T *x) { return x[0]; } };

// stable (subtract_max = 1) and latency (subtract_max = 0):
//   e_i = exp_table[top bits of norm_t(max − x_i)] (stable) or [top bits of x_i] (latency), held in accum_t;
//   s = inv_inp_t(tree sum in accum_t);  y_i = res_T(e_i · inv_table[top bits of s])
// CONFIG_T provides: n_in, n_slice, subtract_max, exp_table_size, inv_table_size, exp_bits, inv_bits, exp_table_t,
// inv_table_t, accum_t, norm_t, inv_inp_t.
template <class data_T, class res_T, typename CONFIG_T>
void softmax_top_bits(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in],
                      const typename CONFIG_T::exp_table_t exp_table[CONFIG_T::exp_table_size],
                      const typename CONFIG_T::inv_table_t inv_table[CONFIG_T::inv_table_size]) {
#pragma HLS PIPELINE
SliceLoop:
    for (unsigned base = 0; base < CONFIG_T::n_in; base += CONFIG_T::n_slice) {
#pragma HLS UNROLL
        const data_T mx = slice_max<CONFIG_T::n_slice>(&data[base]);
        typename CONFIG_T::accum_t e[CONFIG_T::n_slice];
#pragma HLS ARRAY_PARTITION variable = e complete
    ExpLoop:
        for (unsigned i = 0; i < CONFIG_T::n_slice; i++) {
#pragma HLS UNROLL
            unsigned index;
            if (CONFIG_T::subtract_max) {
                typename CONFIG_T::norm_t d = mx - data[base + i];
                index = top_bits_index<CONFIG_T::exp_bits>(d);
            } else {
                index = top_bits_index<CONFIG_T::exp_bits>(data[base + i]);
            }
            e[i] = exp_table[index];
        }
        typename CONFIG_T::inv_inp_t s = tree_sum<typename CONFIG_T::accum_t, CONFIG_T::n_slice>::sum(e);
        typename CONFIG_T::inv_table_t inv = inv_table[top_bits_index<CONFIG_T::inv_bits>(s)];
    NormalizeLoop:
        for (unsigned i = 0; i < CONFIG_T::n_slice; i++) {
#pragma HLS UNROLL
            res[base + i] = e[i] * inv;
        }
    }
}

// legacy: s_i = Σ_j (j == i ? 1 : exp_table[int((x_j − x_i) · N/16) + N/2]) in table_t (j ascending, each sum cast);
//   y_i = res_T(inv_table[int(s_i · N/64)]), indices clamped to [0, N−1].
// CONFIG_T provides: n_in, n_slice, table_size, exp_scale_bits = log2(N/16), inv_scale_bits = log2(N/64), table_t.
template <class data_T, class res_T, typename CONFIG_T>
void softmax_legacy(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in],
                    const typename CONFIG_T::table_t exp_table[CONFIG_T::table_size],
                    const typename CONFIG_T::table_t inv_table[CONFIG_T::table_size]) {
#pragma HLS PIPELINE
SliceLoop:
    for (unsigned base = 0; base < CONFIG_T::n_in; base += CONFIG_T::n_slice) {
#pragma HLS UNROLL
    OutLoop:
        for (unsigned i = 0; i < CONFIG_T::n_slice; i++) {
#pragma HLS UNROLL
            typename CONFIG_T::table_t s = 0;
        SumLoop:
            for (unsigned j = 0; j < CONFIG_T::n_slice; j++) {
#pragma HLS UNROLL
                typename CONFIG_T::table_t term = 1;
                if (j != i)
                    term = exp_table[trunc_index<CONFIG_T::exp_scale_bits, CONFIG_T::table_size / 2, CONFIG_T::table_size>(data[base + j] - data[base + i])];
                s = s + term;
            }
            res[base + i] = inv_table[trunc_index<CONFIG_T::inv_scale_bits, 0, CONFIG_T::table_size>(s)];
        }
    }
}

// hls4ml's sigmoid/tanh lookup: y = res_T(table[clamp(int(x · N/R) + N/2)]), int() toward zero.
// CONFIG_T provides: n_in, table_size, scale_bits = log2(N/R), table_t.
template <class data_T, class res_T, typename CONFIG_T>
void lookup_trunc(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in], const typename CONFIG_T::table_t table[CONFIG_T::table_size]) {
#pragma HLS PIPELINE
LookupLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        res[i] = table[trunc_index<CONFIG_T::scale_bits, CONFIG_T::table_size / 2, CONFIG_T::table_size>(data[i])];
    }
}

// argmax: y = 0 everywhere but res_T(1) at the first maximum. CONFIG_T provides: n_in, n_slice.
template <class data_T, class res_T, typename CONFIG_T>
void softmax_argmax(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE
SliceLoop:
    for (unsigned base = 0; base < CONFIG_T::n_in; base += CONFIG_T::n_slice) {
#pragma HLS UNROLL
        unsigned best = 0;
    MaxLoop:
        for (unsigned i = 1; i < CONFIG_T::n_slice; i++) {
#pragma HLS UNROLL
            if (data[base + i] > data[base + best]) best = i;
        }
    OneHotLoop:
        for (unsigned i = 0; i < CONFIG_T::n_slice; i++) {
#pragma HLS UNROLL
            res[base + i] = i == best ? res_T(1) : res_T(0);
        }
    }
}

} // namespace nnet

#endif
