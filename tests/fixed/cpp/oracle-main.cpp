// Casts every input of the vendor truth table to its type with our ap_fixed.h, twice: from the double and from
// an exact wide ap_fixed holding the same value (ap_fixed<48,24> or ap_fixed<80,40>, chosen per type).
//
// stdin:  blocks "<type index> <count>" followed by <count> decimal doubles.
// stdout: per block two lines, "D <mantissas cast from the doubles>" and "X <mantissas cast from the wide type>".
// exit 2 when an input is not held exactly by both wide types (the second cast would then test nothing).
#include <cstdio>
#include <vector>

#include "oracle.h"

static void print_line(char tag, const std::vector<long long>& v) {
  std::putchar(tag);
  for (long long x : v) std::printf(" %lld", x);
  std::putchar('\n');
}

int main() {
  const std::vector<caster>& types = registry<caster>();
  unsigned long index = 0;
  long count = 0;
  while (std::scanf("%lu %ld", &index, &count) == 2) {
    if (index >= types.size() || count < 0) return 3;
    std::vector<double> xs(count);
    for (long i = 0; i < count; ++i) {
      if (std::scanf("%lf", &xs[i]) != 1) return 3;
    }
    std::vector<long long> a(count), b(count);
    for (long i = 0; i < count; ++i) {
      const Wide64 w64 = xs[i];
      const Wide128 w128 = xs[i];
      if (w64 != xs[i] || w128 != xs[i]) {
        std::fprintf(stderr, "input %.17g of type #%lu is not exact in the wide types\n", xs[i], index);
        return 2;
      }
      a[i] = types[index].from_double(xs[i]);
      b[i] = types[index].from_wide(w64, w128);
    }
    print_line('D', a);
    print_line('X', b);
  }
  return 0;
}
