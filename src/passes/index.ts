import { applyConfig } from './apply-config.ts';
import { importQonnx } from './import-qonnx.ts';
import { fuseBatchNorm } from './fuse-batchnorm.ts';
import { inferPrecision } from './infer-precision.ts';
import { mergeLinear } from './merge-linear.ts';
import type { Pass } from './pass.ts';
import { pruneWeights } from './prune-weights.ts';
import { recognizeActivations } from './recognize-activations.ts';
import { removeIdentity } from './remove-identity.ts';
import { validateReuse } from './validate-reuse.ts';

/**
 * The default flow, in order (printed by `convert --verbose`; docs/passes.md explains the order): configure,
 * recognise exported activation patterns, fold, simplify, prune (before inference, so auto widths see the pruned weights), infer auto precisions, validate.
 */
export const PASSES: readonly Pass[] = [applyConfig, recognizeActivations, importQonnx, fuseBatchNorm, removeIdentity, mergeLinear, pruneWeights, inferPrecision, validateReuse];
