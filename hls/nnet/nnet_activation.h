// Elementwise activations and softmax, exactly as docs/arithmetic.md ("Elementwise activations", "Sigmoid and tanh",
// "Softmax"). Lookup-table contents are never computed here: the backend emits them as constant arrays (computed
// once by src/fixed/tables.ts) and passes them in, so C++, TypeScript and Verilog read the same numbers.
#ifndef NNET_ACTIVATION_H_
#define NNET_ACTIVATION_H_

#include "nnet_common.h"

namespace nnet {

// CONFIG_T for every elementwise activation provides: n_in.

// linear: y = Q_result(x)
template <class data_T, class res_T, typename CONFIG_T> void linear(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE
LinearLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        res[i] = data[i];
    }
}

// relu: y = Q_result(x > 0 ? x : 0)
template <class data_T, class res_T, typename CONFIG_T> void relu(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE
ReluLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        if (data[i] > 0)
            res[i] = data[i];
        else
            res[i] = 0;
    }
}

// abs: y = Q_result(|x|); the negation is exact (ap_fixed's unary minus is one bit wider)
template <class data_T, class res_T, typename CONFIG_T> void abs(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE
AbsLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        if (data[i] < 0)
            res[i] = -data[i];
        else
            res[i] = data[i];
    }
}

// leaky_relu: y = Q_result(x > 0 ? x : αq·x), the product exact. CONFIG_T also provides param_t.
template <class data_T, class res_T, typename CONFIG_T>
void leaky_relu(data_T data[CONFIG_T::n_in], typename CONFIG_T::param_t alpha, res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE
LeakyReluLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        if (data[i] > 0)
            res[i] = data[i];
        else
            res[i] = alpha * data[i];
    }
}

// clip(lo, hi): y = x < lo ? Q_result(lo) : x > hi ? Q_result(hi) : Q_result(x). CONFIG_T also provides bound_t, a
// type that holds lo and hi exactly, so the comparisons are exact.
template <class data_T, class res_T, typename CONFIG_T>
void clip(data_T data[CONFIG_T::n_in], typename CONFIG_T::bound_t lo, typename CONFIG_T::bound_t hi, res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE
ClipLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        if (data[i] < lo)
            res[i] = lo;
        else if (data[i] > hi)
            res[i] = hi;
        else
            res[i] = data[i];
    }
}

// sigmoid and tanh: index = clamp(floor(x·2^k) + N/2, 0, N−1) = clamp(floor((x + R/2)·2^k), 0, N−1), k = log2(N/R);
// y = Q_result(table[index]). CONFIG_T provides: n_in, table_size (N), table_bits (log2 N), range_bits (log2 R),
// table_t.
template <class data_T, class res_T, typename CONFIG_T>
void lookup_activation(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in],
                       const typename CONFIG_T::table_t table[CONFIG_T::table_size]) {
#pragma HLS PIPELINE
    // R/2 exactly; x + R/2 is an exact sum
    const ap_ufixed<CONFIG_T::range_bits, CONFIG_T::range_bits> half_range = 1 << (CONFIG_T::range_bits - 1);
LookupLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        const unsigned index =
            table_index<CONFIG_T::table_bits, CONFIG_T::table_bits - CONFIG_T::range_bits>(data[i] + half_range);
        res[i] = table[index];
    }
}

template <class data_T, class res_T, typename CONFIG_T>
void sigmoid(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in], const typename CONFIG_T::table_t table[CONFIG_T::table_size]) {
#pragma HLS INLINE
    lookup_activation<data_T, res_T, CONFIG_T>(data, res, table);
}

template <class data_T, class res_T, typename CONFIG_T>
void tanh(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in], const typename CONFIG_T::table_t table[CONFIG_T::table_size]) {
#pragma HLS INLINE
    lookup_activation<data_T, res_T, CONFIG_T>(data, res, table);
}

// softmax over the last axis (n_slice elements; n_in / n_slice independent slices):
//   mx = max x;  e_i = expTable[clamp(floor((mx − x_i)·N/R_exp), 0, N−1)];  s = Q_accum(s + e_i) ascending;
//   inv = invTable[clamp(floor(s·N/R_inv), 0, N−1)];  y_i = Q_result(e_i·inv)
// CONFIG_T provides: n_in, n_slice, table_size, table_bits, exp_range_bits, inv_range_bits, exp_table_t,
// inv_table_t, accum_t.
template <class data_T, class res_T, typename CONFIG_T>
void softmax(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in],
             const typename CONFIG_T::exp_table_t exp_table[CONFIG_T::table_size],
             const typename CONFIG_T::inv_table_t inv_table[CONFIG_T::table_size]) {
#pragma HLS PIPELINE
    static const int exp_shift = CONFIG_T::table_bits - CONFIG_T::exp_range_bits;
    static const int inv_shift = CONFIG_T::table_bits - CONFIG_T::inv_range_bits;
SliceLoop:
    for (unsigned base = 0; base < CONFIG_T::n_in; base += CONFIG_T::n_slice) {
#pragma HLS UNROLL
        data_T mx = data[base];
    MaxLoop:
        for (unsigned i = 1; i < CONFIG_T::n_slice; i++) {
#pragma HLS UNROLL
            if (data[base + i] > mx) mx = data[base + i];
        }
        typename CONFIG_T::exp_table_t e[CONFIG_T::n_slice];
#pragma HLS ARRAY_PARTITION variable = e complete
        typename CONFIG_T::accum_t sum = 0;
    ExpLoop:
        for (unsigned i = 0; i < CONFIG_T::n_slice; i++) {
#pragma HLS UNROLL
            // mx − x_i is exact and ≥ 0
            e[i] = exp_table[table_index<CONFIG_T::table_bits, exp_shift>(mx - data[base + i])];
            sum = sum + e[i];
        }
        const typename CONFIG_T::inv_table_t inv = inv_table[table_index<CONFIG_T::table_bits, inv_shift>(sum)];
    NormalizeLoop:
        for (unsigned i = 0; i < CONFIG_T::n_slice; i++) {
#pragma HLS UNROLL
            res[base + i] = e[i] * inv;
        }
    }
}

} // namespace nnet

#endif
