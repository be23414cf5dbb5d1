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
            table_index<CONFIG_T::table_bits, int(CONFIG_T::table_bits) - int(CONFIG_T::range_bits)>(data[i] + half_range);
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

// prelu: y = Q_result(x > 0 ? x : αq_c·x), c = i mod n_chan (the last axis), the product exact. CONFIG_T also provides
// n_chan, param_t.
template <class data_T, class res_T, typename CONFIG_T>
void prelu(data_T data[CONFIG_T::n_in], const typename CONFIG_T::param_t alpha[CONFIG_T::n_chan], res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE
#pragma HLS ARRAY_PARTITION variable = alpha complete
PReluLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        if (data[i] > 0)
            res[i] = data[i];
        else
            res[i] = alpha[i % CONFIG_T::n_chan] * data[i];
    }
}

// hard_sigmoid: t = αq·x + βq (exact); y = t <= 0 ? 0 : t >= 1 ? Q_result(1) : Q_result(t). CONFIG_T also provides
// param_t.
template <class data_T, class res_T, typename CONFIG_T>
void hard_sigmoid(data_T data[CONFIG_T::n_in], typename CONFIG_T::param_t alpha, typename CONFIG_T::param_t beta,
                  res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE
HardSigmoidLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        const auto t = alpha * data[i] + beta; // ap_fixed operators: exact product and sum
        if (t <= 0)
            res[i] = 0;
        else if (t >= 1)
            res[i] = 1;
        else
            res[i] = t;
    }
}

// thresholded_relu: y = x > θ ? Q_result(x) : 0. CONFIG_T also provides bound_t, which holds θ exactly.
template <class data_T, class res_T, typename CONFIG_T>
void thresholded_relu(data_T data[CONFIG_T::n_in], typename CONFIG_T::bound_t theta, res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE
ThresholdedReluLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        if (data[i] > theta)
            res[i] = data[i];
        else
            res[i] = 0;
    }
}

// binary_tanh: y = x > 0 ? Q_result(1) : Q_result(-1)
template <class data_T, class res_T, typename CONFIG_T> void binary_tanh(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE
BinaryTanhLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        if (data[i] > 0)
            res[i] = 1;
        else
            res[i] = -1;
    }
}

// ternary_tanh: y = x > θ ? Q_result(1) : x > -θ ? 0 : Q_result(-1). CONFIG_T also provides bound_t, which holds θ and -θ
// exactly (both are passed, so no negation widens a type).
template <class data_T, class res_T, typename CONFIG_T>
void ternary_tanh(data_T data[CONFIG_T::n_in], typename CONFIG_T::bound_t theta, typename CONFIG_T::bound_t minus_theta,
                  res_T res[CONFIG_T::n_in]) {
#pragma HLS PIPELINE
TernaryTanhLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        if (data[i] > theta)
            res[i] = 1;
        else if (data[i] > minus_theta)
            res[i] = 0;
        else
            res[i] = -1;
    }
}

// The table entry of x for every table activation: table[clamp(floor((x + R/2)·2^k), 0, N−1)], k = log2(N/R), as in
// lookup_activation. CONFIG_T provides table_size, table_bits, range_bits, table_t.
template <class data_T, typename CONFIG_T>
inline typename CONFIG_T::table_t table_entry(const data_T &x, const typename CONFIG_T::table_t table[CONFIG_T::table_size]) {
#pragma HLS INLINE
    const ap_ufixed<CONFIG_T::range_bits, CONFIG_T::range_bits> half_range = 1 << (CONFIG_T::range_bits - 1);
    return table[table_index<CONFIG_T::table_bits, int(CONFIG_T::table_bits) - int(CONFIG_T::range_bits)>(x + half_range)];
}

// elu: y = x >= 0 ? Q_result(x) : Q_result(table[index]); the table holds α·(e^x − 1).
template <class data_T, class res_T, typename CONFIG_T>
void elu(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in], const typename CONFIG_T::table_t table[CONFIG_T::table_size]) {
#pragma HLS PIPELINE
EluLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        if (data[i] >= 0)
            res[i] = data[i];
        else
            res[i] = table_entry<data_T, CONFIG_T>(data[i], table);
    }
}

// selu: y = x >= 0 ? Q_result(λq·x) : Q_result(table[index]), the product exact; the table holds λ·α·(e^x − 1).
// CONFIG_T also provides param_t.
template <class data_T, class res_T, typename CONFIG_T>
void selu(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in], const typename CONFIG_T::table_t table[CONFIG_T::table_size],
          typename CONFIG_T::param_t lambda) {
#pragma HLS PIPELINE
SeluLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        if (data[i] >= 0)
            res[i] = lambda * data[i];
        else
            res[i] = table_entry<data_T, CONFIG_T>(data[i], table);
    }
}

// softplus and silu: y = x >= R/2 ? Q_result(x) : Q_result(table[index]) (their asymptote is x).
template <class data_T, class res_T, typename CONFIG_T>
void table_or_identity(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in],
                       const typename CONFIG_T::table_t table[CONFIG_T::table_size]) {
#pragma HLS PIPELINE
    const ap_ufixed<CONFIG_T::range_bits, CONFIG_T::range_bits> half_range = 1 << (CONFIG_T::range_bits - 1);
TableOrIdentityLoop:
    for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
#pragma HLS UNROLL
        if (data[i] >= half_range)
            res[i] = data[i];
        else
            res[i] = table_entry<data_T, CONFIG_T>(data[i], table);
    }
}

template <class data_T, class res_T, typename CONFIG_T>
void softplus(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in], const typename CONFIG_T::table_t table[CONFIG_T::table_size]) {
#pragma HLS INLINE
    table_or_identity<data_T, res_T, CONFIG_T>(data, res, table);
}

template <class data_T, class res_T, typename CONFIG_T>
void silu(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in], const typename CONFIG_T::table_t table[CONFIG_T::table_size]) {
#pragma HLS INLINE
    table_or_identity<data_T, res_T, CONFIG_T>(data, res, table);
}

// softsign: y = Q_result(table[index]) over [−32, 32).
template <class data_T, class res_T, typename CONFIG_T>
void softsign(data_T data[CONFIG_T::n_in], res_T res[CONFIG_T::n_in], const typename CONFIG_T::table_t table[CONFIG_T::table_size]) {
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
        const data_T mx = slice_max<CONFIG_T::n_slice>(&data[base]);
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
