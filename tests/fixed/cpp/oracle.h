// Oracle driver: every type of the vendor truth table, cast from a double and from an exact ap_fixed<80,40>.
#ifndef HLSFORGE_TEST_ORACLE_H
#define HLSFORGE_TEST_ORACLE_H

#include "ap_fixed.h"
#include "registry.h"

/**
 * Exact wide sources: every input of the truth table is held by both. Types alternate between them, so the cast
 * from an ap value runs on both internal paths (64-bit and 128-bit) without compiling two casts per type.
 */
typedef ap_fixed<48, 24> Wide64;
typedef ap_fixed<80, 40> Wide128;

/** One small function per type and source: loops stay generic, which keeps thousands of types cheap to compile. */
struct caster {
  long long (*from_double)(double);
  long long (*from_wide)(const Wide64&, const Wide128&);
};

#endif
