// hlsforge ap_types: exact decimal text of a dyadic value m·2^-f (what operator<< prints).
#ifndef HLSFORGE_AP_PRINT_H
#define HLSFORGE_AP_PRINT_H

#include <string>

#include "ap_common.h"

namespace ap_detail {

/** Exact decimal of m·2^-f: "-1.375", "12", "0.0009765625". */
inline std::string exact_decimal(i128 m, int f) {
  const bool neg = m < 0;
  u128 mag = neg ? u128(0) - u128(m) : u128(m);
  std::string d;  // decimal digits of mag, most significant first
  do {
    d.insert(d.begin(), char('0' + int(mag % 10)));
    mag /= 10;
  } while (mag != 0);
  size_t frac = 0;  // how many of the digits are after the decimal point
  for (; f < 0; ++f) {  // multiply by 2
    int carry = 0;
    for (size_t i = d.size(); i-- > 0;) {
      const int x = (d[i] - '0') * 2 + carry;
      d[i] = char('0' + x % 10);
      carry = x / 10;
    }
    if (carry) d.insert(d.begin(), char('0' + carry));
  }
  for (; f > 0; --f) {  // divide by 2, appending a digit when the last one is odd
    if ((d.back() - '0') % 2) {
      d.push_back('0');
      ++frac;
    }
    int rem = 0;
    for (size_t i = 0; i < d.size(); ++i) {
      const int x = rem * 10 + (d[i] - '0');
      d[i] = char('0' + x / 2);
      rem = x % 2;
    }
  }
  std::string ip = d.substr(0, d.size() - frac), fp = d.substr(d.size() - frac);
  const size_t nz = ip.find_first_not_of('0');
  ip = nz == std::string::npos ? "0" : ip.substr(nz);
  while (!fp.empty() && fp.back() == '0') fp.pop_back();
  return (neg ? "-" : "") + ip + (fp.empty() ? "" : "." + fp);
}

}  // namespace ap_detail

#endif
