import { applyConfig } from './apply-config.ts';
import { cancelTranspose } from './cancel-transpose.ts';
import { foldTransposeDense } from './fold-transpose-dense.ts';
import { fuseBias } from './fuse-bias.ts';
import { mergeReshape } from './merge-reshape.ts';
import { importQonnx } from './import-qonnx.ts';
import { fuseBatchNorm } from './fuse-batchnorm.ts';
import { inferPrecision } from './infer-precision.ts';
import { mergeLinear } from './merge-linear.ts';
import type { Pass } from './pass.ts';
import { pruneWeights } from './prune-weights.ts';
import { recognizeActivations } from './recognize-activations.ts';
import { removeIdentity } from './remove-identity.ts';
import { validateReuse } from './validate-reuse.ts';
import { writeConstantsHls4ml } from './write-constants-hls4ml.ts';
import { checkHls4mlArithmetic } from './check-hls4ml-arithmetic.ts';

/**
 * The default flow, in order (printed by `convert --verbose`; docs/passes.md explains the order): normalize the
 * translated model (biases into dense layers, transposes and reshapes simplified) so the configuration names what
 * remains, configure, recognise exported activation patterns, fold, simplify, prune (before inference, so auto widths
 * see the pruned weights), infer auto precisions, validate.
 */
export const PASSES: readonly Pass[] = [cancelTranspose, mergeReshape, foldTransposeDense, fuseBias, applyConfig, recognizeActivations, importQonnx, fuseBatchNorm, removeIdentity, mergeLinear, pruneWeights, writeConstantsHls4ml, inferPrecision, checkHls4mlArithmetic, validateReuse];
