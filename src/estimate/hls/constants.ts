/** Products at least this wide (input + weight bits) go to DSP48E2 slices in the HLS model; narrower ones to LUTs. */
export const HLS_DSP_MIN_PRODUCT = 20;
