// Grid driver: every small ap type cast on a fine grid of doubles, for comparison with the TypeScript cast.
#ifndef HLSFORGE_TEST_GRID_H
#define HLSFORGE_TEST_GRID_H

#include "ap_fixed.h"
#include "registry.h"

/** A type's cast from double and its parameters (the grid depends on them). */
struct grid_type {
  long long (*cast)(double);
  int width, fwidth;
  bool sign;
};

#endif
