import { ARITHMETIC_FOLDS } from './arithmetic.ts';
import type { Fold } from './fold.ts';
import { SHAPE_FOLDS } from './shape-ops.ts';

/**
 * The constant evaluator: every default-domain op the frontend evaluates when all its inputs are constants (shape
 * subgraphs, transposed or scaled weights). One function per op.
 */
export const FOLDS: Readonly<Record<string, Fold>> = { ...SHAPE_FOLDS, ...ARITHMETIC_FOLDS };

export type { Fold } from './fold.ts';
