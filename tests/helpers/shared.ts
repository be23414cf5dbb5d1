import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shared model corpus lives beside the repository (../shared); CI has it, a bare clone may not. */
// HLSFORGE_SHARED points elsewhere (e.g. from a git worktree that is not beside ../shared)
export const SHARED = process.env.HLSFORGE_SHARED ? resolve(process.env.HLSFORGE_SHARED) : resolve(import.meta.dirname, '../../../shared');
export const hasShared = existsSync(SHARED);
export const sharedPath = (p: string) => resolve(SHARED, p);

if (!hasShared) console.warn(`[hlsforge tests] ${SHARED} not found: tests on the shared model corpus are SKIPPED`);
