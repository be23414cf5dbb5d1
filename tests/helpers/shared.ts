import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { oracle } from './oracles.ts';

/**
 * The shared model corpus lives beside the repository (../shared); CI has it, a bare clone may not. A git worktree
 * elsewhere points at it with HLSFORGE_SHARED.
 */
export const SHARED = process.env.HLSFORGE_SHARED ? resolve(process.env.HLSFORGE_SHARED) : resolve(import.meta.dirname, '../../../shared');
/** Locally absent → skipped loudly; with CI=true absent → the importing test file fails (tests/helpers/oracles.ts). */
export const hasShared = oracle(`the shared model corpus ${SHARED}`, existsSync(SHARED), 'check out ../shared beside the repository');
export const sharedPath = (p: string) => resolve(SHARED, p);
