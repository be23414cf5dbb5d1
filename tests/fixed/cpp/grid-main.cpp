// Casts, for every registered type, the grid x = k·LSB/8 for |x| ≤ 2 × the type's largest magnitude, i.e.
// k = −K … K with K = 2^(W + 4 − [signed]), and writes the result mantissas as int16 (little-endian) to argv[1],
// type after type. The TypeScript test builds the same grid and compares with quantizeDouble.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "grid.h"

int main(int argc, char** argv) {
  if (argc != 2) return 3;
  std::FILE* out = std::fopen(argv[1], "wb");
  if (!out) return 3;
  std::vector<std::int16_t> buf;
  for (const grid_type& t : registry<grid_type>()) {
    const long long K = 1LL << (t.width + 4 - (t.sign ? 1 : 0));
    buf.resize(2 * K + 1);
    for (long long k = -K; k <= K; ++k) {
      const double x = std::ldexp(static_cast<double>(k), -(t.fwidth + 3));
      buf[k + K] = static_cast<std::int16_t>(t.cast(x));
    }
    std::fwrite(buf.data(), sizeof(std::int16_t), buf.size(), out);
  }
  return std::fclose(out) == 0 ? 0 : 3;
}
