// Recurrent layers in io_stream (docs/hls.md, "Recurrent layers in io_stream"): the sequence arrives as n_steps packs
// of n_feat values, one time step per transfer; the state stays in registers and each step runs the very step of the
// io_parallel kernels (nnet_recurrent.h) as soon as its pack is read, a step every reuse_factor cycles. Out: a pack
// of n_units per step with return_sequences, otherwise one pack, the last state.
// go_backwards: the first step processed is the last time step, so the whole sequence is read into a buffer first.
// reverse_outputs (with return_sequences): step k's output belongs at time n_steps − 1 − k, so the outputs are held
// and written in time order after the last step.
// CONFIG_T: as nnet_recurrent.h.
#ifndef NNET_RECURRENT_STREAM_H_
#define NNET_RECURRENT_STREAM_H_

#include "nnet_recurrent.h"
#include "nnet_stream.h"

namespace nnet {

// The steps each buffer holds: the whole sequence only when it is needed, otherwise one unused step.
template <typename CONFIG_T> struct recurrent_buffers {
    static const unsigned in_steps = CONFIG_T::go_backwards ? CONFIG_T::n_steps : 1;
    static const unsigned out_steps = CONFIG_T::return_sequences && CONFIG_T::reverse_outputs ? CONFIG_T::n_steps : 1;
};

// go_backwards: reads the whole sequence, one pack per cycle, before the first step.
template <class data_T, typename CONFIG_T>
void buffer_sequence(hls::stream<data_T> &in, typename data_T::value_type seq[][CONFIG_T::n_feat]) {
    if (!CONFIG_T::go_backwards) return;
BufferSteps:
    for (unsigned t = 0; t < CONFIG_T::n_steps; t++) {
#pragma HLS PIPELINE II = 1
        const data_T pack = in.read();
    BufferFeatures:
        for (unsigned c = 0; c < CONFIG_T::n_feat; c++) {
#pragma HLS UNROLL
            seq[t][c] = pack[c];
        }
    }
}

// The input of step k: the next pack of the stream, or time step n_steps − 1 − k of the buffered sequence.
template <class data_T, typename CONFIG_T>
void step_input(hls::stream<data_T> &in, const typename data_T::value_type seq[][CONFIG_T::n_feat], unsigned k,
                typename data_T::value_type x[CONFIG_T::n_feat]) {
#pragma HLS INLINE
    if (CONFIG_T::go_backwards) {
        for (unsigned c = 0; c < CONFIG_T::n_feat; c++) x[c] = seq[input_step<CONFIG_T>(k)][c];
        return;
    }
    const data_T pack = in.read();
    for (unsigned c = 0; c < CONFIG_T::n_feat; c++) x[c] = pack[c];
}

// After step k: the state, cast once to the result type, written out (every step, or the last one) or held.
template <class res_T, typename CONFIG_T>
void step_output(hls::stream<res_T> &out, typename res_T::value_type held[][CONFIG_T::n_units], unsigned k,
                 const typename CONFIG_T::state_t h[CONFIG_T::n_units]) {
#pragma HLS INLINE
    if (!CONFIG_T::return_sequences && k != CONFIG_T::n_steps - 1) return;
    res_T pack;
    for (unsigned j = 0; j < CONFIG_T::n_units; j++) pack[j] = h[j];
    if (recurrent_buffers<CONFIG_T>::out_steps == 1) {
        out.write(pack);
        return;
    }
    for (unsigned j = 0; j < CONFIG_T::n_units; j++) held[CONFIG_T::n_steps - 1 - k][j] = pack[j];
}

// reverse_outputs: the held outputs in time order, one pack per cycle.
template <class res_T, typename CONFIG_T>
void flush_outputs(hls::stream<res_T> &out, const typename res_T::value_type held[][CONFIG_T::n_units]) {
    if (recurrent_buffers<CONFIG_T>::out_steps == 1) return;
FlushSteps:
    for (unsigned t = 0; t < CONFIG_T::n_steps; t++) {
#pragma HLS PIPELINE II = 1
        res_T pack;
        for (unsigned j = 0; j < CONFIG_T::n_units; j++) pack[j] = held[t][j];
        out.write(pack);
    }
}

// The loop every io_stream recurrent kernel runs: the state h starts at 0, then for each step k the step's input x,
// step(x, h) (one time step of the cell, updating h and any state of its own), and the output of step k.
template <class data_T, class res_T, typename CONFIG_T, class step_T>
void recurrent_stream(hls::stream<data_T> &in, hls::stream<res_T> &out, const step_T &step) {
    typedef typename data_T::value_type in_T;
    in_T seq[recurrent_buffers<CONFIG_T>::in_steps][CONFIG_T::n_feat];
    typename res_T::value_type held[recurrent_buffers<CONFIG_T>::out_steps][CONFIG_T::n_units];
    typename CONFIG_T::state_t h[CONFIG_T::n_units];
#pragma HLS ARRAY_PARTITION variable = h complete
    for (unsigned j = 0; j < CONFIG_T::n_units; j++) h[j] = 0;
    buffer_sequence<data_T, CONFIG_T>(in, seq);
RecurrentStreamSteps:
    for (unsigned k = 0; k < CONFIG_T::n_steps; k++) {
#pragma HLS PIPELINE II = CONFIG_T::reuse_factor
        in_T x[CONFIG_T::n_feat];
        step_input<data_T, CONFIG_T>(in, seq, k, x);
        step(x, h);
        step_output<res_T, CONFIG_T>(out, held, k, h);
    }
    flush_outputs<res_T, CONFIG_T>(out, held);
}

// The weights and activation parameters a gated cell's step (LSTM, GRU) reads.
template <typename CONFIG_T> struct gated_weights {
    const typename CONFIG_T::weight_t *kernel;
    const typename CONFIG_T::recurrent_weight_t *recurrent_kernel;
    const typename CONFIG_T::bias_t *bias, *recurrent_bias;
    const typename CONFIG_T::table_t *act_table;
    const typename CONFIG_T::recurrent_table_t *ract_table;
    typename CONFIG_T::param_t alpha, beta, ralpha, rbeta;
};

// The steps of the three cells (nnet_recurrent.h), with their weights; the LSTM's cell state c lives in lstm_stream.
template <class in_T, typename CONFIG_T> struct lstm_stream_step {
    gated_weights<CONFIG_T> w;
    typename CONFIG_T::state_t *c;

    void operator()(const in_T x[CONFIG_T::n_feat], typename CONFIG_T::state_t h[CONFIG_T::n_units]) const {
        lstm_step<in_T, CONFIG_T>(x, h, c, w.kernel, w.recurrent_kernel, w.bias, w.recurrent_bias, w.act_table, w.ract_table,
                                  w.alpha, w.beta, w.ralpha, w.rbeta);
    }
};

template <class in_T, typename CONFIG_T> struct gru_stream_step {
    gated_weights<CONFIG_T> w;

    void operator()(const in_T x[CONFIG_T::n_feat], typename CONFIG_T::state_t h[CONFIG_T::n_units]) const {
        gru_step<in_T, CONFIG_T>(x, h, w.kernel, w.recurrent_kernel, w.bias, w.recurrent_bias, w.act_table, w.ract_table,
                                 w.alpha, w.beta, w.ralpha, w.rbeta);
    }
};

template <class in_T, typename CONFIG_T> struct simple_rnn_stream_step {
    const typename CONFIG_T::weight_t *kernel;
    const typename CONFIG_T::recurrent_weight_t *recurrent_kernel;
    const typename CONFIG_T::bias_t *bias, *recurrent_bias;
    const typename CONFIG_T::table_t *act_table;
    typename CONFIG_T::param_t alpha, beta;

    void operator()(const in_T x[CONFIG_T::n_feat], typename CONFIG_T::state_t h[CONFIG_T::n_units]) const {
        simple_rnn_step<in_T, CONFIG_T>(x, h, kernel, recurrent_kernel, bias, recurrent_bias, act_table, alpha, beta);
    }
};

template <class data_T, class res_T, typename CONFIG_T>
void lstm_stream(hls::stream<data_T> &in, hls::stream<res_T> &out, const typename CONFIG_T::weight_t kernel[],
                 const typename CONFIG_T::recurrent_weight_t recurrent_kernel[], const typename CONFIG_T::bias_t bias[],
                 const typename CONFIG_T::bias_t recurrent_bias[], const typename CONFIG_T::table_t act_table[],
                 const typename CONFIG_T::recurrent_table_t ract_table[], typename CONFIG_T::param_t alpha,
                 typename CONFIG_T::param_t beta, typename CONFIG_T::param_t ralpha, typename CONFIG_T::param_t rbeta) {
    typename CONFIG_T::state_t c[CONFIG_T::n_units];
#pragma HLS ARRAY_PARTITION variable = c complete
    for (unsigned j = 0; j < CONFIG_T::n_units; j++) c[j] = 0;
    const gated_weights<CONFIG_T> w = {kernel, recurrent_kernel, bias, recurrent_bias, act_table, ract_table, alpha, beta, ralpha, rbeta};
    const lstm_stream_step<typename data_T::value_type, CONFIG_T> step = {w, c};
    recurrent_stream<data_T, res_T, CONFIG_T>(in, out, step);
}

template <class data_T, class res_T, typename CONFIG_T>
void gru_stream(hls::stream<data_T> &in, hls::stream<res_T> &out, const typename CONFIG_T::weight_t kernel[],
                const typename CONFIG_T::recurrent_weight_t recurrent_kernel[], const typename CONFIG_T::bias_t bias[],
                const typename CONFIG_T::bias_t recurrent_bias[], const typename CONFIG_T::table_t act_table[],
                const typename CONFIG_T::recurrent_table_t ract_table[], typename CONFIG_T::param_t alpha,
                typename CONFIG_T::param_t beta, typename CONFIG_T::param_t ralpha, typename CONFIG_T::param_t rbeta) {
    const gated_weights<CONFIG_T> w = {kernel, recurrent_kernel, bias, recurrent_bias, act_table, ract_table, alpha, beta, ralpha, rbeta};
    const gru_stream_step<typename data_T::value_type, CONFIG_T> step = {w};
    recurrent_stream<data_T, res_T, CONFIG_T>(in, out, step);
}

template <class data_T, class res_T, typename CONFIG_T>
void simple_rnn_stream(hls::stream<data_T> &in, hls::stream<res_T> &out, const typename CONFIG_T::weight_t kernel[],
                       const typename CONFIG_T::recurrent_weight_t recurrent_kernel[],
                       const typename CONFIG_T::bias_t bias[], const typename CONFIG_T::bias_t recurrent_bias[],
                       const typename CONFIG_T::table_t act_table[], typename CONFIG_T::param_t alpha,
                       typename CONFIG_T::param_t beta) {
    const simple_rnn_stream_step<typename data_T::value_type, CONFIG_T> step = {kernel, recurrent_kernel, bias,
                                                                             recurrent_bias, act_table, alpha, beta};
    recurrent_stream<data_T, res_T, CONFIG_T>(in, out, step);
}

} // namespace nnet

#endif
