// Oracle driver: every type of the vendor truth table, cast from a double and from an exact ap_fixed<80,40>.
#ifndef HLSFORGE_TEST_ORACLE_H
#define HLSFORGE_TEST_ORACLE_H

#include "ap_fixed.h"
#include "registry.h"

typedef ap_fixed<80, 40> Wide;

/** One small function per type and source: loops stay generic, which keeps thousands of types cheap to compile. */
struct caster {
  long long (*from_double)(double);
  long long (*from_wide)(const Wide&);
};

#endif
