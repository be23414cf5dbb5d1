/** C simulation of generated HLS projects with g++ and hlsforge's own ap_types. */
export { runCsim, CSIM_DIR, CXX_FLAGS, type CsimOptions, type CsimResult } from './run-csim.ts';
export { compareResults, type Comparison, type Mismatch } from './compare.ts';
export { readProject } from './read-project.ts';
