// Arithmetic checks: exact products, sums and differences with their result types, and a saturating, rounding
// accumulator fed with `acc += x * w` (the Dense inner loop).
//
// stdin: "<n>" then n lines "xa xb" (doubles, cast to A and B below), then "<m>" and m lines "x w" for the
// accumulator. stdout: one line per pair "<a> <b> <a*b> <a+b> <a-b> <b-a>" as mantissas, then one line of the
// accumulator's mantissa after each step, then the result types as "W I S" triples.
#include <cstdio>

#include "ap_fixed.h"

typedef ap_fixed<13, 5, AP_RND, AP_SAT> A;
typedef ap_ufixed<11, 3, AP_RND_CONV, AP_WRAP> B;
typedef ap_fixed<18, 8, AP_RND, AP_SAT> Acc;
typedef ap_fixed<10, 3> X;
typedef ap_fixed<8, 1, AP_RND_ZERO, AP_SAT> Wt;

template <class T>
void print_type() {
  std::printf("%d %d %d\n", T::width, T::iwidth, T::sign_flag ? 1 : 0);
}

int main() {
  int n = 0;
  if (std::scanf("%d", &n) != 1) return 3;
  for (int i = 0; i < n; ++i) {
    double xa, xb;
    if (std::scanf("%lf %lf", &xa, &xb) != 2) return 3;
    const A a = xa;
    const B b = xb;
    std::printf("%lld %lld %lld %lld %lld %lld\n", (long long)a.V, (long long)b.V, (long long)(a * b).V,
                (long long)(a + b).V, (long long)(a - b).V, (long long)(b - a).V);
  }
  int m = 0;
  if (std::scanf("%d", &m) != 1) return 3;
  Acc acc = 0.5;
  for (int i = 0; i < m; ++i) {
    double xx, xw;
    if (std::scanf("%lf %lf", &xx, &xw) != 2) return 3;
    const X x = xx;
    const Wt w = xw;
    acc += x * w;
    std::printf("%lld ", (long long)acc.V);
  }
  std::printf("\n");
  print_type<decltype(A() * B())>();
  print_type<decltype(A() + B())>();
  print_type<decltype(A() - B())>();
  print_type<decltype(X() * Wt())>();
  return 0;
}
