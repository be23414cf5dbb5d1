// Recurrent layers: LSTM, GRU, SimpleRNN (docs/arithmetic.md, "Recurrent layers"), io_parallel: the sequence is an
// array [n_steps][n_feat], the state (h, and c for LSTM) is kept in registers and the cell runs one time step after
// another. Weights in Keras's layout, the gates side by side along the columns: kernel [n_feat][ng·n_units], recurrent
// kernel [n_units][ng·n_units], bias and recurrent bias [ng·n_units] (LSTM gates i, f, c, o; GRU z, r, h).
//
// CONFIG_T provides: n_in, n_steps, n_feat, n_units, reuse_factor, return_sequences, go_backwards, reverse_outputs,
// reset_after (GRU), activation, recurrent_activation (nnet::cell_fn), table_size, table_bits, act_range_bits,
// ract_range_bits, and the types weight_t, recurrent_weight_t, bias_t, accum_t, state_t, table_t, recurrent_table_t
// (LSTM, GRU), param_t.
#ifndef NNET_RECURRENT_H_
#define NNET_RECURRENT_H_

#include "nnet_common.h"

namespace nnet {

// The activations a cell applies: tanh and sigmoid by the table of src/fixed/tables.ts (the index of
// nnet_activation.h's lookup_activation), hard_sigmoid exact, relu, linear; each result cast once to res_T.
enum cell_fn { cell_linear, cell_relu, cell_tanh, cell_sigmoid, cell_hard_sigmoid };

template <class res_T, int table_bits_, int range_bits_, class data_T, class param_T>
inline res_T cell_activation(cell_fn fn, const data_T &x, const res_T *table, param_T alpha, param_T beta) {
#pragma HLS INLINE
    if (fn == cell_tanh || fn == cell_sigmoid) {
        const ap_ufixed<range_bits_, range_bits_> half_range = 1 << (range_bits_ - 1); // R/2; x + R/2 is exact
        return table[table_index<table_bits_, table_bits_ - range_bits_>(x + half_range)];
    }
    if (fn == cell_hard_sigmoid) {
        const auto t = alpha * x + beta; // exact product and sum
        if (t <= 0) return res_T(0);
        if (t >= 1) return res_T(1);
        return res_T(t);
    }
    if (fn == cell_relu) return x > 0 ? res_T(x) : res_T(0);
    return res_T(x);
}

// One gate matrix-vector product (the dense contract with result type acc_T) over columns [col0, col0 + n_cols_) of a
// row-major [n_in_][stride] matrix: acc_j = Q_acc(b_j), then acc_j = Q_acc(acc_j + in_i · w_ij) for i ascending.
template <unsigned n_in_, unsigned n_cols_, unsigned stride_, unsigned col0_, class in_T, class w_T, class b_T, class acc_T>
void cell_matvec(const in_T in[n_in_], const w_T w[], const b_T b[], acc_T out[n_cols_]) {
#pragma HLS INLINE
CellBias:
    for (unsigned j = 0; j < n_cols_; j++) {
#pragma HLS UNROLL
        out[j] = b[col0_ + j];
    }
CellAccumulate:
    for (unsigned i = 0; i < n_in_; i++) {
    CellColumns:
        for (unsigned j = 0; j < n_cols_; j++) {
#pragma HLS UNROLL
            out[j] = out[j] + in[i] * w[i * stride_ + col0_ + j];
        }
    }
}

// Processing step k reads time t = k, or T−1−k going backwards; the output of step k is written at k, or T−1−k with
// reverse_outputs (only the last one without return_sequences).
template <typename CONFIG_T> inline unsigned input_step(unsigned k) {
    return CONFIG_T::go_backwards ? CONFIG_T::n_steps - 1 - k : k;
}

template <class res_T, typename CONFIG_T>
inline void write_state(unsigned k, const typename CONFIG_T::state_t h[CONFIG_T::n_units], res_T res[]) {
#pragma HLS INLINE
    if (!CONFIG_T::return_sequences && k != CONFIG_T::n_steps - 1) return;
    const unsigned at = !CONFIG_T::return_sequences ? 0 : CONFIG_T::reverse_outputs ? CONFIG_T::n_steps - 1 - k : k;
WriteState:
    for (unsigned j = 0; j < CONFIG_T::n_units; j++) {
#pragma HLS UNROLL
        res[at * CONFIG_T::n_units + j] = h[j];
    }
}

#define NNET_CELL_ACT(CONFIG_T, out_T, x, table, a, b)                                                                   \
    cell_activation<out_T, CONFIG_T::table_bits, CONFIG_T::act_range_bits>(CONFIG_T::activation, x, table, a, b)
#define NNET_CELL_RACT(CONFIG_T, out_T, x, table, a, b)                                                                  \
    cell_activation<out_T, CONFIG_T::table_bits, CONFIG_T::ract_range_bits>(CONFIG_T::recurrent_activation, x, table, a, b)

// One time step of each cell, on the step's feature vector x[n_feat] and the state it updates in place; the io_parallel
// kernels below and the io_stream ones (nnet_recurrent_stream.h) run the same step.

// LSTM: z = Q_accum(ax + ah); i, f, o = σ(z); g = φ(z_c); c = Q_state(f·c + i·g); h = Q_state(o·φ(c)).
template <class in_T, typename CONFIG_T>
void lstm_step(const in_T x[CONFIG_T::n_feat], typename CONFIG_T::state_t h[CONFIG_T::n_units],
               typename CONFIG_T::state_t c[CONFIG_T::n_units], const typename CONFIG_T::weight_t kernel[],
               const typename CONFIG_T::recurrent_weight_t recurrent_kernel[], const typename CONFIG_T::bias_t bias[],
               const typename CONFIG_T::bias_t recurrent_bias[], const typename CONFIG_T::table_t act_table[],
               const typename CONFIG_T::recurrent_table_t ract_table[], typename CONFIG_T::param_t alpha,
               typename CONFIG_T::param_t beta, typename CONFIG_T::param_t ralpha, typename CONFIG_T::param_t rbeta) {
#pragma HLS INLINE
    const unsigned nu = CONFIG_T::n_units, ng = 4 * CONFIG_T::n_units;
    typedef typename CONFIG_T::accum_t acc_t;
    acc_t ax[ng], ah[ng];
    cell_matvec<CONFIG_T::n_feat, ng, ng, 0>(x, kernel, bias, ax);
    cell_matvec<nu, ng, ng, 0>(h, recurrent_kernel, recurrent_bias, ah);
LstmUnits:
    for (unsigned j = 0; j < nu; j++) {
#pragma HLS UNROLL
        const acc_t zi = ax[j] + ah[j], zf = ax[nu + j] + ah[nu + j], zc = ax[2 * nu + j] + ah[2 * nu + j],
                    zo = ax[3 * nu + j] + ah[3 * nu + j];
        const auto i = NNET_CELL_RACT(CONFIG_T, typename CONFIG_T::recurrent_table_t, zi, ract_table, ralpha, rbeta);
        const auto f = NNET_CELL_RACT(CONFIG_T, typename CONFIG_T::recurrent_table_t, zf, ract_table, ralpha, rbeta);
        const auto o = NNET_CELL_RACT(CONFIG_T, typename CONFIG_T::recurrent_table_t, zo, ract_table, ralpha, rbeta);
        const auto g = NNET_CELL_ACT(CONFIG_T, typename CONFIG_T::table_t, zc, act_table, alpha, beta);
        c[j] = f * c[j] + i * g;
        h[j] = o * NNET_CELL_ACT(CONFIG_T, typename CONFIG_T::table_t, c[j], act_table, alpha, beta);
    }
}

// GRU: z, r = σ(Q_accum(ax + ah)); reset_after: h̃ = φ(Q_accum(ax_h + r·ah_h)); reset_before: h̃ =
// φ(Q_accum(ax_h + Dense(Q_state(r·h); U_h, br_h))); h = Q_state(z·h + (1 − z)·h̃), 1 − z exact.
template <class in_T, typename CONFIG_T>
void gru_step(const in_T x[CONFIG_T::n_feat], typename CONFIG_T::state_t h[CONFIG_T::n_units],
              const typename CONFIG_T::weight_t kernel[], const typename CONFIG_T::recurrent_weight_t recurrent_kernel[],
              const typename CONFIG_T::bias_t bias[], const typename CONFIG_T::bias_t recurrent_bias[],
              const typename CONFIG_T::table_t act_table[], const typename CONFIG_T::recurrent_table_t ract_table[],
              typename CONFIG_T::param_t alpha, typename CONFIG_T::param_t beta, typename CONFIG_T::param_t ralpha,
              typename CONFIG_T::param_t rbeta) {
#pragma HLS INLINE
    const unsigned nu = CONFIG_T::n_units, ng = 3 * CONFIG_T::n_units;
    typedef typename CONFIG_T::accum_t acc_t;
    typedef typename CONFIG_T::state_t state_t;
    typedef typename CONFIG_T::recurrent_table_t gate_t;
    const ap_ufixed<1, 1> one = 1;
    acc_t ax[ng], ah[ng];
    gate_t zr[2 * nu];
    cell_matvec<CONFIG_T::n_feat, ng, ng, 0>(x, kernel, bias, ax);
    if (CONFIG_T::reset_after) cell_matvec<nu, ng, ng, 0>(h, recurrent_kernel, recurrent_bias, ah);
    else cell_matvec<nu, 2 * nu, ng, 0>(h, recurrent_kernel, recurrent_bias, ah);
GruGates:
    for (unsigned j = 0; j < 2 * nu; j++) {
#pragma HLS UNROLL
        const acc_t v = ax[j] + ah[j];
        zr[j] = NNET_CELL_RACT(CONFIG_T, gate_t, v, ract_table, ralpha, rbeta);
    }
    acc_t pre[nu];
    if (CONFIG_T::reset_after) {
        for (unsigned j = 0; j < nu; j++) pre[j] = ax[2 * nu + j] + zr[nu + j] * ah[2 * nu + j];
    } else {
        state_t rh[nu];
        acc_t ahh[nu];
        for (unsigned j = 0; j < nu; j++) rh[j] = zr[nu + j] * h[j];
        cell_matvec<nu, nu, ng, 2 * nu>(rh, recurrent_kernel, recurrent_bias, ahh);
        for (unsigned j = 0; j < nu; j++) pre[j] = ax[2 * nu + j] + ahh[j];
    }
GruUpdate:
    for (unsigned j = 0; j < nu; j++) {
#pragma HLS UNROLL
        const auto hh = NNET_CELL_ACT(CONFIG_T, typename CONFIG_T::table_t, pre[j], act_table, alpha, beta);
        h[j] = zr[j] * h[j] + (one - zr[j]) * hh;
    }
}

// SimpleRNN: h = Q_state(φ(Q_accum(ax + ah))).
template <class in_T, typename CONFIG_T>
void simple_rnn_step(const in_T x[CONFIG_T::n_feat], typename CONFIG_T::state_t h[CONFIG_T::n_units],
                     const typename CONFIG_T::weight_t kernel[], const typename CONFIG_T::recurrent_weight_t recurrent_kernel[],
                     const typename CONFIG_T::bias_t bias[], const typename CONFIG_T::bias_t recurrent_bias[],
                     const typename CONFIG_T::table_t act_table[], typename CONFIG_T::param_t alpha,
                     typename CONFIG_T::param_t beta) {
#pragma HLS INLINE
    const unsigned nu = CONFIG_T::n_units;
    typedef typename CONFIG_T::accum_t acc_t;
    acc_t ax[nu], ah[nu];
    cell_matvec<CONFIG_T::n_feat, nu, nu, 0>(x, kernel, bias, ax);
    cell_matvec<nu, nu, nu, 0>(h, recurrent_kernel, recurrent_bias, ah);
SimpleRnnUnits:
    for (unsigned j = 0; j < nu; j++) {
#pragma HLS UNROLL
        const acc_t z = ax[j] + ah[j];
        h[j] = NNET_CELL_ACT(CONFIG_T, typename CONFIG_T::table_t, z, act_table, alpha, beta);
    }
}

// The io_parallel kernels: the sequence as one array [n_steps][n_feat], one step after another.
template <class data_T, class res_T, typename CONFIG_T>
void lstm(data_T data[CONFIG_T::n_in], res_T res[], const typename CONFIG_T::weight_t kernel[],
          const typename CONFIG_T::recurrent_weight_t recurrent_kernel[], const typename CONFIG_T::bias_t bias[],
          const typename CONFIG_T::bias_t recurrent_bias[], const typename CONFIG_T::table_t act_table[],
          const typename CONFIG_T::recurrent_table_t ract_table[], typename CONFIG_T::param_t alpha,
          typename CONFIG_T::param_t beta, typename CONFIG_T::param_t ralpha, typename CONFIG_T::param_t rbeta) {
    typename CONFIG_T::state_t h[CONFIG_T::n_units], c[CONFIG_T::n_units];
#pragma HLS ARRAY_PARTITION variable = h complete
#pragma HLS ARRAY_PARTITION variable = c complete
    for (unsigned j = 0; j < CONFIG_T::n_units; j++) h[j] = c[j] = 0;
LstmSteps:
    for (unsigned k = 0; k < CONFIG_T::n_steps; k++) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
        lstm_step<data_T, CONFIG_T>(&data[input_step<CONFIG_T>(k) * CONFIG_T::n_feat], h, c, kernel, recurrent_kernel, bias,
                                    recurrent_bias, act_table, ract_table, alpha, beta, ralpha, rbeta);
        write_state<res_T, CONFIG_T>(k, h, res);
    }
}

template <class data_T, class res_T, typename CONFIG_T>
void gru(data_T data[CONFIG_T::n_in], res_T res[], const typename CONFIG_T::weight_t kernel[],
         const typename CONFIG_T::recurrent_weight_t recurrent_kernel[], const typename CONFIG_T::bias_t bias[],
         const typename CONFIG_T::bias_t recurrent_bias[], const typename CONFIG_T::table_t act_table[],
         const typename CONFIG_T::recurrent_table_t ract_table[], typename CONFIG_T::param_t alpha,
         typename CONFIG_T::param_t beta, typename CONFIG_T::param_t ralpha, typename CONFIG_T::param_t rbeta) {
    typename CONFIG_T::state_t h[CONFIG_T::n_units];
#pragma HLS ARRAY_PARTITION variable = h complete
    for (unsigned j = 0; j < CONFIG_T::n_units; j++) h[j] = 0;
GruSteps:
    for (unsigned k = 0; k < CONFIG_T::n_steps; k++) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
        gru_step<data_T, CONFIG_T>(&data[input_step<CONFIG_T>(k) * CONFIG_T::n_feat], h, kernel, recurrent_kernel, bias,
                                   recurrent_bias, act_table, ract_table, alpha, beta, ralpha, rbeta);
        write_state<res_T, CONFIG_T>(k, h, res);
    }
}

template <class data_T, class res_T, typename CONFIG_T>
void simple_rnn(data_T data[CONFIG_T::n_in], res_T res[], const typename CONFIG_T::weight_t kernel[],
                const typename CONFIG_T::recurrent_weight_t recurrent_kernel[], const typename CONFIG_T::bias_t bias[],
                const typename CONFIG_T::bias_t recurrent_bias[], const typename CONFIG_T::table_t act_table[],
                typename CONFIG_T::param_t alpha, typename CONFIG_T::param_t beta) {
    typename CONFIG_T::state_t h[CONFIG_T::n_units];
#pragma HLS ARRAY_PARTITION variable = h complete
    for (unsigned j = 0; j < CONFIG_T::n_units; j++) h[j] = 0;
SimpleRnnSteps:
    for (unsigned k = 0; k < CONFIG_T::n_steps; k++) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
        simple_rnn_step<data_T, CONFIG_T>(&data[input_step<CONFIG_T>(k) * CONFIG_T::n_feat], h, kernel, recurrent_kernel,
                                          bias, recurrent_bias, act_table, alpha, beta);
        write_state<res_T, CONFIG_T>(k, h, res);
    }
}

#undef NNET_CELL_ACT
#undef NNET_CELL_RACT

} // namespace nnet

#endif
