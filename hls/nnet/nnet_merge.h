// Element-wise merges of N >= 2 tensors of the same shape, exactly as docs/arithmetic.md ("Merges and data
// movement"): r = x_0, then r = r op x_k for k = 1 .. N-1 with no rounding in between, then one cast y = Q_result(r).
// The exact r lives in CONFIG_T::accum_t, which the backend derives from the input types so that it holds every
// partial result (src/fixed/range.ts); the C++ operators themselves return full-precision types, so the assignment
// back to accum_t never rounds or wraps.
//
// A merge of N inputs is N + 1 calls over one accumulator array the top function declares:
//   merge_first(x_0, acc);  merge_<op>(x_k, acc) for k = 1 .. N-1;  merge_result(acc, y)  (or merge_mean(acc, y))
// CONFIG_T provides: n_elem, accum_t; merge_mean also mean_shift (k, for N = 2^k inputs).
#ifndef NNET_MERGE_H_
#define NNET_MERGE_H_

#include "nnet_common.h"

namespace nnet {

// acc = x_0 (exact: accum_t holds every value of the first input)
template <class data_T, typename CONFIG_T>
void merge_first(data_T data[CONFIG_T::n_elem], typename CONFIG_T::accum_t acc[CONFIG_T::n_elem]) {
#pragma HLS INLINE
MergeFirst:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS UNROLL
        acc[i] = data[i];
    }
}

// acc = acc + x_k (Add, Average)
template <class data_T, typename CONFIG_T>
void merge_add(data_T data[CONFIG_T::n_elem], typename CONFIG_T::accum_t acc[CONFIG_T::n_elem]) {
#pragma HLS INLINE
MergeAdd:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS UNROLL
        acc[i] = acc[i] + data[i];
    }
}

// acc = acc - x_k (Subtract: ((x_0 - x_1) - x_2) - ...)
template <class data_T, typename CONFIG_T>
void merge_subtract(data_T data[CONFIG_T::n_elem], typename CONFIG_T::accum_t acc[CONFIG_T::n_elem]) {
#pragma HLS INLINE
MergeSubtract:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS UNROLL
        acc[i] = acc[i] - data[i];
    }
}

// acc = acc * x_k (Multiply)
template <class data_T, typename CONFIG_T>
void merge_multiply(data_T data[CONFIG_T::n_elem], typename CONFIG_T::accum_t acc[CONFIG_T::n_elem]) {
#pragma HLS INLINE
MergeMultiply:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS UNROLL
        acc[i] = acc[i] * data[i];
    }
}

// acc = max(acc, x_k), compared exactly
template <class data_T, typename CONFIG_T>
void merge_maximum(data_T data[CONFIG_T::n_elem], typename CONFIG_T::accum_t acc[CONFIG_T::n_elem]) {
#pragma HLS INLINE
MergeMaximum:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS UNROLL
        if (data[i] > acc[i]) acc[i] = data[i];
    }
}

// acc = min(acc, x_k), compared exactly
template <class data_T, typename CONFIG_T>
void merge_minimum(data_T data[CONFIG_T::n_elem], typename CONFIG_T::accum_t acc[CONFIG_T::n_elem]) {
#pragma HLS INLINE
MergeMinimum:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS UNROLL
        if (data[i] < acc[i]) acc[i] = data[i];
    }
}

// y = Q_result(acc): the one cast of a merge
template <class res_T, typename CONFIG_T>
void merge_result(typename CONFIG_T::accum_t acc[CONFIG_T::n_elem], res_T res[CONFIG_T::n_elem]) {
#pragma HLS INLINE
MergeResult:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS UNROLL
        res[i] = acc[i];
    }
}

// Average of N = 2^k inputs: y = Q_result(acc * 2^-k). The constant 2^-k is exact in ap_ufixed<1, 1-k> and the
// product has the full-precision type, so the mean is exact before its one cast.
template <class res_T, typename CONFIG_T>
void merge_mean(typename CONFIG_T::accum_t acc[CONFIG_T::n_elem], res_T res[CONFIG_T::n_elem]) {
#pragma HLS INLINE
    const ap_ufixed<1, 1 - (int)CONFIG_T::mean_shift> inverse_count = 1.0 / (double)(1UL << CONFIG_T::mean_shift);
MergeMean:
    for (unsigned i = 0; i < CONFIG_T::n_elem; i++) {
#pragma HLS UNROLL
        res[i] = acc[i] * inverse_count;
    }
}

// Dot product of two vectors of n_in elements: y = Q_result(sum_i a_i * b_i), every product and the sum exact in
// CONFIG_T::accum_t (the product type with ceil(log2 n_in) more integer bits). CONFIG_T provides: n_in, accum_t.
template <class input1_T, class input2_T, class res_T, typename CONFIG_T>
void dot(input1_T data1[CONFIG_T::n_in], input2_T data2[CONFIG_T::n_in], res_T res[1]) {
#pragma HLS INLINE
    typename CONFIG_T::accum_t acc = 0;
DotProduct:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        acc = acc + data1[i] * data2[i];
    }
    res[0] = acc;
}

} // namespace nnet

#endif
