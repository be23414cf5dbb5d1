// Exercises the public API of our headers: printing, conversions, bit access, shifts, integer operators,
// hls::stream and hls_math. Each line of output is "<what> <value>"; cpp-api.test.ts states the expected text.
// Also compiled with -Wall -Wextra -Werror in C++14 and C++17.
#include <iostream>

#include "ap_fixed.h"
#include "ap_int.h"
#include "hls_math.h"
#include "hls_stream.h"

int main() {
  ap_fixed<16, 6> a = 1.375, b = -2.5;
  std::cout << "print " << a << ' ' << b << ' ' << ap_fixed<8, 12>(-2048) << ' ' << ap_ufixed<8, -2>(0.0009765625) << '\n';
  std::cout << "product " << a * b << ' ' << decltype(a * b)::width << ' ' << decltype(a * b)::iwidth << '\n';
  std::cout << "sum " << a + b << ' ' << a - b << ' ' << -a << ' ' << decltype(a + b)::width << '\n';
  std::cout << "with-int " << a + 1 << ' ' << 2 * a << ' ' << (a > 1) << (a < 1) << (1 < a) << (a == 1.375) << (a != 1.375f) << '\n';
  std::cout << "to " << b.to_int() << ' ' << ap_fixed<16, 6>(2.75).to_int() << ' ' << a.to_double() << ' ' << double(b) << '\n';
  ap_fixed<8, 3, AP_RND, AP_SAT> s = 100.0;
  ap_fixed<8, 3, AP_RND, AP_SAT> t = -0.0625;
  std::cout << "sat " << s << ' ' << t << '\n';
  ap_fixed<12, 4, AP_RND, AP_SAT> acc = 0;
  for (int i = 0; i < 20; ++i) acc += a * b;
  std::cout << "acc " << acc << '\n';
  std::cout << "shift " << (a << 2) << ' ' << (a >> 3) << ' ' << (a << 5) << '\n';
  std::cout << "bits " << a.range(15, 0).to_uint() << ' ' << a.range(7, 4).to_uint() << ' ' << a[10] << a[9] << '\n';
  ap_fixed<16, 6> c = 0;
  c.range(7, 0) = 0xFF;
  c[15] = 1;
  std::cout << "set-bits " << c << ' ' << ap_fixed<16, 6>::from_raw(-1) << '\n';
  ap_int<8> i = 100;
  ap_uint<4> u = 17;
  int table[8] = {0, 10, 20, 30, 40, 50, 60, 70};
  std::cout << "int " << i * u << ' ' << i + 1 << ' ' << (i << 1) << ' ' << u << ' ' << table[u + 2] << ' ' << (i & 0x0F)
            << ' ' << (i / 7) << ' ' << (i % 7) << ' ' << ~u << '\n';
  int count = 0;
  for (ap_uint<3> k = 0; k < 5; k++) count += 1;
  std::cout << "loop " << count << '\n';
  ap_fixed<80, 40> wide = 1e-3;
  std::cout << "wide " << wide << ' ' << ap_fixed<64, 32>(3.25) * ap_fixed<64, 32>(-2) << '\n';
  hls::stream<ap_fixed<16, 6> > q("q");
  q.write(a);
  q << b;
  ap_fixed<16, 6> r0 = q.read(), r1;
  q >> r1;
  std::cout << "stream " << r0 << ' ' << r1 << ' ' << q.empty() << ' ' << q.size() << '\n';
  std::cout << "math " << hls::abs(b) << ' ' << hls::exp(0.0) << ' ' << hls::tanh(0.0f) << '\n';
  return 0;
}
