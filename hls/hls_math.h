// hlsforge: the small part of hls_math.h a layer library may use, on float and double (and on ap values through
// their double value). Lookup tables for activations are computed by src/fixed, not here.
#ifndef HLSFORGE_HLS_MATH_H
#define HLSFORGE_HLS_MATH_H

#include <cmath>

#include "ap_fixed.h"

namespace hls {

inline float exp(float x) { return std::exp(x); }
inline double exp(double x) { return std::exp(x); }
inline float log(float x) { return std::log(x); }
inline double log(double x) { return std::log(x); }
inline float tanh(float x) { return std::tanh(x); }
inline double tanh(double x) { return std::tanh(x); }
inline float sqrt(float x) { return std::sqrt(x); }
inline double sqrt(double x) { return std::sqrt(x); }
inline float floor(float x) { return std::floor(x); }
inline double floor(double x) { return std::floor(x); }
inline float abs(float x) { return std::fabs(x); }
inline double abs(double x) { return std::fabs(x); }
inline float fabs(float x) { return std::fabs(x); }
inline double fabs(double x) { return std::fabs(x); }
inline float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }
inline double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

/** |x| of an ap value, exact (one more integer bit, like unary minus). */
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
ap_fixed_base<W + 1, I + 1, true, AP_TRN, AP_WRAP, 0> abs(const ap_fixed_base<W, I, S, Q, O, N>& x) {
  return x < 0 ? -x : ap_fixed_base<W + 1, I + 1, true, AP_TRN, AP_WRAP, 0>(x);
}

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
double exp(const ap_fixed_base<W, I, S, Q, O, N>& x) {
  return std::exp(x.to_double());
}
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
double tanh(const ap_fixed_base<W, I, S, Q, O, N>& x) {
  return std::tanh(x.to_double());
}

}  // namespace hls

#endif
